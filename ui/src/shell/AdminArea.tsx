import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { can, useSession } from '../api/session';
import type { Session } from '../api/types';
import { adminPages, adminSections, type AdminPage } from '../pages/adminPages';
import NoAccessPage from '../pages/NoAccessPage';
import NotFoundPage from '../pages/NotFoundPage';
import { AppShell } from './AppShell';
import type { NavSection } from './nav';

const allowed = (s: Session, p: AdminPage) => !p.perm || [p.perm].flat().some((perm) => can(s, perm));

/**
 * AdminArea is /admin/*: the admin center in its frame. A user without an
 * admin role gets the full-page No access (admin-center.md §3); an admin
 * opening a page their roles don't cover gets it inside the frame.
 */
export default function AdminArea() {
  const { t } = useTranslation();
  const session = useSession().data!;
  if (!session.isAdmin) {
    return (
      <AppShell session={session} home="/myaccount">
        <NoAccessPage />
      </AppShell>
    );
  }
  const sections: NavSection[] = adminSections.map((sec) => ({
    ...sec,
    items: adminPages.filter((p) => p.section === sec.key && !p.hidden && allowed(session, p))
      .map((p) => ({ to: p.path ? `/admin/${p.path}` : '/admin', label: p.label, end: p.path === '' })),
  }));
  return (
    <AppShell session={session} sections={sections} navLabel={t('nav.adminLabel')} home="/admin">
      <Routes>
        {adminPages.map((p) => {
          const element = allowed(session, p) ? <p.Component /> : <NoAccessPage />;
          return p.path === '' ? <Route key="" index element={element} /> : <Route key={p.path} path={`${p.path}/*`} element={element} />;
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
