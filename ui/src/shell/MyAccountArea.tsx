import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useSession } from '../api/session';
import { myAccountPages } from '../pages/myaccount/pages';
import NotFoundPage from '../pages/NotFoundPage';
import { AppShell } from './AppShell';
import type { NavSection } from './nav';

/** MyAccountArea is /myaccount/*: every signed-in user's own account. */
export default function MyAccountArea() {
  const { t } = useTranslation();
  const session = useSession().data!;
  const sections: NavSection[] = myAccountPages.map((p) => ({
    key: p.path || 'overview', label: p.label, icon: p.icon,
    items: [{ to: p.path ? `/myaccount/${p.path}` : '/myaccount', label: p.label, icon: p.icon, end: p.path === '' }],
  }));
  return (
    <AppShell session={session} sections={sections} navLabel={t('myNav.label')} home="/myaccount">
      <Routes>
        {myAccountPages.map(({ path, Component }) => path === ''
          ? <Route key="" index element={<Component />} />
          : <Route key={path} path={path} element={<Component />} />)}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
