import { Button, Card, CardHeader, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Phone24Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MfaStatus } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Status';
import { TotpSetup } from '../../components/TotpSetup';
import { useNotify } from '../../components/useNotify';

const useStyles = makeStyles({ card: { maxWidth: '640px' }, row: { display: 'flex', gap: tokens.spacingHorizontalS } });

/**
 * SignInMethodsPage shows the user's authenticator app (GET /api/me/mfa)
 * and adds or removes it. Alternate e-mail and phone are set by admins
 * for now: no API lets users change their own yet.
 */
export default function SignInMethodsPage() {
  const { t } = useTranslation(['myaccount', 'mfa']);
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [code, setCode] = useState('');
  const q = useQuery({ queryKey: ['me', 'mfa'], queryFn: () => api.get<MfaStatus>('/api/me/mfa') });
  const remove = useMutation({
    mutationFn: () => api.post('/api/me/mfa/totp/remove', { code: code.replace(/\s/g, '') }),
    onSuccess: () => { setRemoving(false); setCode(''); notify(t('methods.removed')); void q.refetch(); },
  });
  const added = () => { setAdding(false); notify(t('methods.added')); void qc.invalidateQueries({ queryKey: ['me', 'mfa'] }); };
  return (
    <Page title={t('methods.title')} intro={t('methods.intro')}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <Card className={s.card}>
          <CardHeader image={<Phone24Regular />} header={<Text as="h2" block size={400} weight="semibold">{t('methods.app')}</Text>}
            description={q.data.authenticatorApp
              ? t('methods.appOn', { count: q.data.recoveryCodesLeft })
              : t('methods.appOff')} />
          {q.data.authenticatorApp ? (
            <div className={s.row}><Button onClick={() => setRemoving(true)}>{t('methods.remove')}</Button></div>
          ) : adding ? (
            <TotpSetup onDone={added} />
          ) : (
            <div className={s.row}><Button appearance="primary" onClick={() => setAdding(true)}>{t('methods.add')}</Button></div>
          )}
        </Card>
      )}
      {removing && (
        <ConfirmDialog title={t('methods.removeTitle')} confirmLabel={t('methods.remove')} busy={remove.isPending || !code.trim()}
          onConfirm={() => remove.mutate()} onClose={() => { setRemoving(false); remove.reset(); }}>
          <Text as="p">{t('methods.removeText')}</Text>
          {remove.error && <ErrorMessage error={remove.error} />}
          <Field label={t('mfa:code.label')} required>
            <Input value={code} onChange={(_, d) => setCode(d.value)} autoComplete="one-time-code" />
          </Field>
        </ConfirmDialog>
      )}
    </Page>
  );
}
