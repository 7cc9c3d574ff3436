import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { NavItem, NavSection } from './nav';

const useStyles = makeStyles({
  nav: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  heading: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold,
  },
  link: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '36px', padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium, color: tokens.colorNeutralForeground1, textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  sub: { paddingLeft: '36px' },
  active: {
    backgroundColor: tokens.colorSubtleBackgroundSelected, fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandForeground1}`,
  },
});

/**
 * currentItem is the link of the page at pathname: the longest link the path
 * is or lies below (an `end` link only on its own path), so that a user's
 * panel at /admin/users/{id} marks Active users and /admin/users/deleted
 * marks Deleted users alone.
 */
export function currentItem(items: NavItem[], pathname: string): string | undefined {
  const at = (it: NavItem) => pathname === it.to || (!it.end && pathname.startsWith(`${it.to}/`));
  return items.filter(at).sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** SideNav is the left navigation: links to the pages the user may open, the current one marked with aria-current. */
export function SideNav({ sections, label, onNavigate }: { sections: NavSection[]; label: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const current = currentItem(sections.flatMap((sec) => sec.items), useLocation().pathname);
  const link = (it: NavItem, sub: boolean, children: ReactNode) => (
    <Link to={it.to} aria-current={current === it.to ? 'page' : undefined} onClick={onNavigate}
      className={mergeClasses(s.link, sub && s.sub, current === it.to && s.active)}>{children}</Link>
  );
  return (
    <nav aria-label={label} className={s.nav}>
      <ul className={s.list}>
        {sections.filter((sec) => sec.items.length > 0).map((sec) => {
          const Icon = sec.icon;
          if (sec.items.length === 1) {
            const it = sec.items[0];
            return (
              <li key={sec.key}>
                {link(it, false, <><Icon aria-hidden fontSize={20} /> {t(it.label)}</>)}
              </li>
            );
          }
          return (
            <li key={sec.key}>
              <Text as="h2" block size={300} className={s.heading}>
                <Icon aria-hidden fontSize={20} /> {t(sec.label)}
              </Text>
              <ul className={s.list}>
                {sec.items.map((it) => (
                  <li key={it.to}>
                    {link(it, true, t(it.label))}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
