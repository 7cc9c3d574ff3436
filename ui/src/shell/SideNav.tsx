import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { NavSection } from './nav';

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

/** SideNav is the left navigation: links to the pages the user may open, the current one marked with aria-current. */
export function SideNav({ sections, label, onNavigate }: { sections: NavSection[]; label: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const cls = (sub: boolean) => ({ isActive }: { isActive: boolean }) => mergeClasses(s.link, sub && s.sub, isActive && s.active);
  return (
    <nav aria-label={label} className={s.nav}>
      <ul className={s.list}>
        {sections.filter((sec) => sec.items.length > 0).map((sec) => {
          const Icon = sec.icon;
          if (sec.items.length === 1) {
            const it = sec.items[0];
            return (
              <li key={sec.key}>
                <NavLink to={it.to} end={it.end} className={cls(false)} onClick={onNavigate}>
                  <Icon aria-hidden fontSize={20} /> {t(it.label)}
                </NavLink>
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
                    <NavLink to={it.to} end={it.end} className={cls(true)} onClick={onNavigate}>{t(it.label)}</NavLink>
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
