import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Install, InstallKind } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '720px' },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground3 },
  action: { width: '140px' },
});

/**
 * KindSection lists a user's activations of one kind with how many of the
 * limit they use ("PCs and Macs 3 of 5"). With onDeactivate each device has
 * a Deactivate button (My account); without, the list is read-only (the
 * admin's user panel).
 */
export function KindSection({ kind, installs, limit, heading = 'h2', onDeactivate }: {
  kind: InstallKind; installs: Install[]; limit: number; heading?: 'h2' | 'h4'; onDeactivate?: (i: Install) => void;
}) {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const f = useFormat();
  const id = useId();
  const H = heading;
  const name = t(`installs.kind.${kind}`);
  return (
    <section className={s.root} aria-labelledby={id}>
      <div className={s.head}>
        <H id={id} className={s.heading}>{name}</H>
        <Text className={s.count}>{t('installs.used', { used: installs.length, limit })}</Text>
      </div>
      {installs.length === 0 ? <Text>{t('installs.none')}</Text> : (
        <Table aria-label={name} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('installs.column.device')}</TableHeaderCell>
              <TableHeaderCell>{t('installs.column.activated')}</TableHeaderCell>
              {onDeactivate && <TableHeaderCell className={s.action}>{t('installs.column.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {installs.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.deviceName}</TableCell>
                <TableCell>{f.dateTime(i.activatedDateTime)}</TableCell>
                {onDeactivate && (
                  <TableCell className={s.action}>
                    <Button size="small" onClick={() => onDeactivate(i)}>{t('installs.deactivate')}</Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
