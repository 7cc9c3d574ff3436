import { Card, CardFooter, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

const useStyles = makeStyles({
  card: { minHeight: '180px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1 },
});

/** InfoCard is a Home card: a titled region with its content and actions. */
export function InfoCard({ id, title, icon, footer, children }: { id: string; title: string; icon?: ReactElement; footer?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  return (
    <Card className={s.card} role="region" aria-labelledby={`card-${id}`}>
      <CardHeader image={icon} header={<Text as="h2" block id={`card-${id}`} size={400} weight="semibold">{title}</Text>} />
      <div className={s.body}>{children}</div>
      {footer && <CardFooter>{footer}</CardFooter>}
    </Card>
  );
}
