import { useParams } from 'react-router';
import { GroupList } from './GroupList';
import { GroupPanel } from './GroupPanel';

/** GroupsPage is Groups → Active groups at /admin/groups; /admin/groups/{id} opens a group's details panel over the list. */
export default function GroupsPage() {
  // The route is groups/*: what follows /admin/groups/ is the group's id.
  const id = useParams()['*']?.split('/')[0];
  return (
    <>
      <GroupList />
      {id && <GroupPanel id={id} />}
    </>
  );
}
