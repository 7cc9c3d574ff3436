import {
  Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Text, Toaster, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular, Navigation24Regular } from '@fluentui/react-icons';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Session } from '../api/types';
import { Loading } from '../components/Status';
import { CustomerBanner } from './CustomerBanner';
import { LanguageMenu } from './LanguageMenu';
import type { NavSection } from './nav';
import { SideNav } from './SideNav';
import { ThemeToggle } from './ThemeToggle';
import { UserMenu } from './UserMenu';

export const toasterId = 'app-toaster';

const narrow = '@media (max-width: 900px)';
const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: '48px auto minmax(0, 1fr)', gridTemplateColumns: '240px minmax(0, 1fr)', height: '100%', [narrow]: { gridTemplateColumns: 'minmax(0, 1fr)' } },
  header: {
    gridColumn: '1 / -1', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  headerButtons: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, '& button': { color: 'inherit' } },
  product: { color: 'inherit', fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'none', whiteSpace: 'nowrap' },
  org: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  menuButton: { display: 'none', color: 'inherit', [narrow]: { display: 'inline-flex' } },
  side: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, overflowY: 'auto', [narrow]: { display: 'none' } },
  main: { overflowY: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, [narrow]: { padding: tokens.spacingHorizontalL } },
  full: { gridColumn: '1 / -1' },
  skip: {
    position: 'absolute', left: '-10000px', top: 'auto',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

/** AppShell is the frame of every signed-in page: header, left navigation (when given) and the page. */
export function AppShell({ session, sections, navLabel, home, children }: {
  session: Session; sections?: NavSection[]; navLabel?: string; home: string; children: ReactNode;
}) {
  const { t } = useTranslation();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const hasNav = !!sections && sections.some((sec) => sec.items.length > 0);
  return (
    <div className={s.root}>
      <a href="#main" className={s.skip}>{t('header.skip')}</a>
      <header className={s.header}>
        {hasNav && (
          <Button appearance="transparent" className={s.menuButton} icon={<Navigation24Regular />}
            aria-label={t('header.openNav')} aria-expanded={open} onClick={() => setOpen(true)} />
        )}
        <Link to={home} className={s.product}>{t('product')}</Link>
        <Text className={s.org}>{session.tenantName}</Text>
        <div className={s.headerButtons}>
          <LanguageMenu />
          <ThemeToggle />
          <UserMenu session={session} />
        </div>
      </header>
      <CustomerBanner />
      {hasNav && (
        <aside className={s.side}>
          <SideNav sections={sections!} label={navLabel ?? ''} />
        </aside>
      )}
      {hasNav && (
        <OverlayDrawer open={open} onOpenChange={(_, d) => setOpen(d.open)} position="start">
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" icon={<Dismiss24Regular />} aria-label={t('action.close')} onClick={() => setOpen(false)} />}>
              {navLabel}
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>
            <SideNav sections={sections!} label={navLabel ?? ''} onNavigate={() => setOpen(false)} />
          </DrawerBody>
        </OverlayDrawer>
      )}
      <main id="main" tabIndex={-1} className={hasNav ? s.main : `${s.main} ${s.full}`}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <Toaster toasterId={toasterId} position="top-end" />
    </div>
  );
}
