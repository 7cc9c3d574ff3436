import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { can, useSession } from '../api/session';
import type { Session } from '../api/types';
import { Loading } from '../components/Status';
import { adminPages, adminSections, partnerPages, partnerSection, type AdminPage } from '../pages/adminPages';
import NoAccessPage from '../pages/NoAccessPage';
import NotFoundPage from '../pages/NotFoundPage';
import { notPartner, usePartner } from '../pages/partner/api';
import { AppShell } from './AppShell';
import { useCustomer } from './CustomerContext';
import type { NavSection } from './nav';

const allowed = (s: Session, p: AdminPage) => !p.perm || [p.perm].flat().some((perm) => can(s, perm));

/**
 * AdminArea is /admin/* (area "admin"): the admin center in its frame, and
 * /partner/* (area "partner"): a partner organization's pages (Customers,
 * GDAP relationships) in the same frame. A user without an admin role gets
 * the full-page No access (admin-center.md §3) in the admin center; an
 * admin opening a page their roles don't cover gets it inside the frame.
 * The Partner section is listed only for a partner organization's agents,
 * and not while acting in a customer.
 */
export default function AdminArea({ area = 'admin' }: { area?: 'admin' | 'partner' }) {
  const { t } = useTranslation();
  const session = useSession().data!;
  const acting = !!useCustomer().tenantId;
  const pq = usePartner();
  const partner = (!acting && pq.data) || notPartner;
  const partnerItems = partner.isPartner ? partnerPages.filter((p) => p.allowed(partner)) : [];
  if (area === 'admin' && !session.isAdmin && !(partnerItems.length > 0)) {
    return (
      <AppShell session={session} home="/myaccount">
        <NoAccessPage />
      </AppShell>
    );
  }
  const sections: NavSection[] = adminSections.map((sec) => ({
    ...sec,
    items: session.isAdmin ? adminPages.filter((p) => p.section === sec.key && !p.hidden && allowed(session, p))
      .map((p) => ({ to: p.path ? `/admin/${p.path}` : '/admin', label: p.label, end: p.path === '' })) : [],
  }));
  sections.push({ ...partnerSection, items: partnerItems.map((p) => ({ to: `/partner/${p.path}`, label: p.label })) });
  let routes;
  if (area === 'partner') {
    routes = pq.isPending ? <Loading /> : (
      <Routes>
        {partnerPages.map((p) => (
          <Route key={p.path} path={`${p.path}/*`} element={partnerItems.includes(p) ? <p.Component /> : <NoAccessPage />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    );
  } else if (!session.isAdmin) {
    routes = <NoAccessPage />;
  } else {
    routes = (
      <Routes>
        {adminPages.map((p) => {
          const element = allowed(session, p) ? <p.Component /> : <NoAccessPage />;
          return p.path === '' ? <Route key="" index element={element} /> : <Route key={p.path} path={`${p.path}/*`} element={element} />;
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    );
  }
  return (
    <AppShell session={session} sections={sections} navLabel={t('nav.adminLabel')} home={session.isAdmin ? '/admin' : '/partner/customers'}>
      {routes}
    </AppShell>
  );
}
