import { useParams } from 'react-router';
import { RequestDetail } from './RequestDetail';
import { RequestList } from './RequestList';

/** RequestsPage is Support → View service requests at /admin/support/requests; /admin/support/requests/{id} shows one request. */
export default function RequestsPage() {
  const id = useParams()['*']?.split('/')[0];
  return id ? <RequestDetail id={decodeURIComponent(id)} /> : <RequestList />;
}
