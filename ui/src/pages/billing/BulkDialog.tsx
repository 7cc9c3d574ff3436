import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, Text, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Regular, ErrorCircle16Regular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { RouterLink } from '../../components/RouterLink';
import { applyOne, maxUsers, parseUsers, runAll, type Result } from './bulk';
import { billingKeys } from './data';
import { seats } from './seats';
import type { SubscribedSku } from './types';

const useStyles = makeStyles({
  results: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** BulkDialog assigns or unassigns one product for many users, one assignLicense call each, and lists each user's result. */
export function BulkDialog({ sku, product, mode, onClose }: { sku: SubscribedSku; product: string; mode: 'assign' | 'unassign'; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const s = useStyles();
  const qc = useQueryClient();
  const buyer = can(useSession().data, 'billing.manage');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>();
  const users = parseUsers(text);
  const valid = users.length >= 1 && users.length <= maxUsers;
  const { available } = seats(sku);
  const short = mode === 'assign' && users.length > available;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid || busy) return;
    setBusy(true);
    setResults([]);
    await runAll(users, (u) => applyOne(u, sku.skuId, mode), setResults);
    setBusy(false);
    void qc.invalidateQueries({ queryKey: billingKeys.all });
  };
  const done = results && !busy;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t(mode === 'assign' ? 'licenses.assignFor' : 'licenses.unassignFor', { product })}</DialogTitle>
            <DialogContent>
              <Field label={t('licenses.usersLabel')} hint={mode === 'assign' ? t('licenses.available', { count: available }) : t('licenses.usersHint', { max: maxUsers })}
                validationMessage={touched && !valid ? t('licenses.usersInvalid', { max: maxUsers }) : undefined}>
                <Textarea value={text} rows={5} resize="vertical" disabled={busy || !!results} onChange={(_, d) => setText(d.value)} />
              </Field>
              {short && !results && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>
                    <Text block>{t('licenses.notEnough', { product, available, count: users.length })}</Text>
                    {buyer ? <RouterLink to="/admin/billing/purchase">{t('licenses.buyMore')}</RouterLink> : <Text block>{t('licenses.notEnoughAskBilling')}</Text>}
                  </MessageBarBody>
                </MessageBar>
              )}
              {results && (
                <section aria-label={t('licenses.results')} aria-live="polite">
                  <Text weight="semibold" block>{t('licenses.resultsSummary', { ok: results.filter((r) => r.ok).length, count: users.length })}</Text>
                  <ul className={s.results}>
                    {results.map((r) => (
                      <li key={r.user}>
                        {r.ok ? <CheckmarkCircle16Regular className={s.ok} aria-hidden /> : <ErrorCircle16Regular className={s.bad} aria-hidden />}
                        {' '}{r.user}{': '}{r.ok ? (r.skipped ? t('licenses.alreadyHas') : t('licenses.resultOk')) : r.message}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </DialogContent>
            <DialogActions>
              {done ? <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button> : (
                <>
                  <Button appearance="secondary" onClick={onClose} disabled={busy}>{t('common:action.cancel')}</Button>
                  <Button appearance="primary" type="submit" disabled={busy}>{t('licenses.run')}</Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
