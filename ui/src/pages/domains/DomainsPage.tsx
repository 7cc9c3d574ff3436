import { Route, Routes } from 'react-router';
import { DomainDetail } from './DomainDetail';
import { DomainList } from './DomainList';

/** DomainsPage is Settings → Domains: the list at /admin/settings/domains, one domain (its TXT record, Verify) at …/domains/{name}. */
export default function DomainsPage() {
  return (
    <Routes>
      <Route index element={<DomainList />} />
      <Route path=":name" element={<DomainDetail />} />
    </Routes>
  );
}
