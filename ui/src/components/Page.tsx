import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { marginLeft: 'auto', display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Page is a page's heading (also the tab title), its actions, and its content. */
export function Page({ title, intro, actions, children }: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  usePageTitle(title);
  return (
    <div className={s.root}>
      <div className={s.head}>
        <Text as="h1" block size={700} weight="semibold">{title}</Text>
        {actions && <div className={s.actions}>{actions}</div>}
      </div>
      {intro && <Text as="p">{intro}</Text>}
      {children}
    </div>
  );
}
