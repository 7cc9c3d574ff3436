import {
  Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { auditValue, type DirectoryAudit } from './types';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, wordBreak: 'break-word' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** Facts is a definition list of label → value pairs, empty values left out. */
export function Facts({ rows }: { rows: [string, string | undefined | null][] }) {
  const s = useStyles();
  return (
    <dl className={s.dl}>
      {rows.filter(([, v]) => v).map(([k, v]) => [
        <dt key={`${k}-t`}><Text weight="semibold">{k}</Text></dt>,
        <dd key={`${k}-d`} className={s.dd}>{v}</dd>,
      ])}
    </dl>
  );
}

/** AuditDetail is the flyout of one audit event: who, when, the outcome, and per target its modified properties (old → new). */
export function AuditDetail({ event: e, category, result, onClose }: { event: DirectoryAudit; category: string; result: string; onClose: () => void }) {
  const { t } = useTranslation('logs');
  const s = useStyles();
  const f = useFormat();
  const u = e.initiatedBy.user;
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-label={e.activityDisplayName}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {e.activityDisplayName}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <Facts rows={[
          [t('column.date'), f.dateTime(e.activityDateTime)],
          [t('column.category'), category],
          [t('column.result'), result],
          [t('detail.reason'), e.resultReason],
          [t('detail.operation'), e.operationType],
          [t('column.initiatedBy'), u ? `${u.displayName} (${u.userPrincipalName})` : e.initiatedBy.app?.displayName],
          [t('detail.ip'), u?.ipAddress],
          [t('column.correlationId'), e.correlationId],
          [t('detail.service'), e.loggedByService],
        ]} />
        {e.targetResources.map((r, i) => (
          <section key={`${r.id}-${i}`} aria-labelledby={`target-${i}`}>
            <Text as="h3" block id={`target-${i}`} size={400} weight="semibold">{t('detail.target', { name: r.displayName || r.id, type: r.type })}</Text>
            <Facts rows={[[t('detail.userName'), r.userPrincipalName], [t('detail.id'), r.id]]} />
            {r.modifiedProperties.length > 0 && (
              <Table size="small" aria-labelledby={`target-${i}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('detail.property')}</TableHeaderCell>
                    <TableHeaderCell>{t('detail.old')}</TableHeaderCell>
                    <TableHeaderCell>{t('detail.new')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.modifiedProperties.map((m) => (
                    <TableRow key={m.displayName}>
                      <TableCell>{m.displayName}</TableCell>
                      <TableCell><span className={s.value}>{auditValue(m.oldValue)}</span></TableCell>
                      <TableCell><span className={s.value}>{auditValue(m.newValue)}</span></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        ))}
        {e.additionalDetails.length > 0 && <Facts rows={e.additionalDetails.map((d) => [d.key, d.value])} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}
