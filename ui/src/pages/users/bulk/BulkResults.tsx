import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/useNotify';
import { summarize, type Result } from './run';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  password: { fontFamily: tokens.fontFamilyMonospace },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  surface: { maxWidth: '760px', width: '100%' },
  upn: { display: 'block', color: tokens.colorNeutralForeground3 },
  outcome: { width: '110px' },
});

const color = { done: 'success', skipped: 'warning', failed: 'danger' } as const;

/** BulkResults is the per-user results list a bulk action ends with; reset passwords are shown here once, with Copy. */
export function BulkResults({ title, results, onClose }: { title: string; results: Result[]; onClose: () => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const notify = useNotify();
  const sum = summarize(results);
  const withPasswords = results.filter((r) => r.password);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(withPasswords.map((r) => `${r.user.userPrincipalName}\t${r.password}`).join('\n'));
      notify(t('copied'));
    } catch {
      notify(t('copyFailed'), 'error');
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={s.body}>
            <Text role="status">{t('bulk.summary', { done: sum.done, skipped: sum.skipped, failed: sum.failed })}</Text>
            <div className={s.scroll}>
              <Table size="small" aria-label={t('bulk.resultsLabel')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('bulk.user')}</TableHeaderCell>
                    <TableHeaderCell className={s.outcome}>{t('bulk.outcome')}</TableHeaderCell>
                    <TableHeaderCell>{t('bulk.details')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {results.map((r) => (
                    <TableRow key={r.user.id} data-upn={r.user.userPrincipalName}>
                      <TableCell>
                        {r.user.displayName}
                        <Text size={200} className={s.upn}>{r.user.userPrincipalName}</Text>
                      </TableCell>
                      <TableCell className={s.outcome}><Badge appearance="tint" color={color[r.outcome]}>{t(`outcome.${r.outcome}`)}</Badge></TableCell>
                      <TableCell>
                        {r.password ? <span className={s.password} data-testid="bulk-password">{r.password}</span> : r.message}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {withPasswords.length > 0 && <Text>{t('bulk.passwordsOnce')}</Text>}
          </DialogContent>
          <DialogActions>
            {withPasswords.length > 0 && <Button onClick={() => void copy()}>{t('bulk.copyPasswords')}</Button>}
            <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
