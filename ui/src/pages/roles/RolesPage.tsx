import { useParams } from 'react-router';
import { RoleList } from './RoleList';
import { RolePage } from './RolePage';

/** RolesPage is Roles → Role assignments at /admin/roles, and one role at /admin/roles/{templateId}. */
export default function RolesPage() {
  // The route is roles/*: what follows /admin/roles/ is the template id.
  const templateId = useParams()['*']?.split('/')[0];
  return templateId ? <RolePage templateId={templateId} /> : <RoleList />;
}
