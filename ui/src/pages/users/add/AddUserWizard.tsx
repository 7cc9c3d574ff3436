import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { can, useSession } from '../../../api/session';
import type { Collection, Domain, Me } from '../../../api/types';
import { passwordReady } from '../../../components/PasswordFields';
import { ErrorMessage } from '../../../components/Status';
import { billingKeys, useCatalog, useSkus } from '../../billing/data';
import { useRoleDefinitions, userKeys } from '../data';
import { BasicsStep, useRecipientError } from './BasicsStep';
import { LicensesStep } from './LicensesStep';
import { chosenSkus, displayNameOf, newDraft, provisionBody, short, stepOf, type Draft, type Provisioned } from './model';
import { OptionalStep } from './OptionalStep';
import { ResultView } from './ResultView';
import { ReviewStep } from './ReviewStep';

const useStyles = makeStyles({
  surface: { maxWidth: '720px' },
  steps: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', listStyleType: 'none', padding: 0, margin: 0 },
});
const stepNames = ['basics', 'licenses', 'optional', 'finish'] as const;
/** refusal: the server refused a field (400), or its value is taken (409, such as the user name). */
const refusal = (e: ApiError) => e.status === 400 || e.status === 409;

/**
 * AddUserWizard is Add a user (users-and-passwords.md §3.3, admin-center.md
 * §5.2): Basics → Product licenses → Optional settings → Finish, then one
 * POST /api/users/provision; a field the server refuses takes the admin
 * back to its step with the server's message.
 */
export function AddUserWizard({ onClose }: { onClose: () => void }) {
  // Billing's texts (the apps switches) load with the wizard: a catalog loading later would suspend the open dialog.
  const { t } = useTranslation(['adduser', 'billing']);
  const s = useStyles();
  const qc = useQueryClient();
  const session = useSession().data;
  const canDelegate = can(session, 'roles.delegate');
  const buyer = can(session, 'billing.manage');
  const domains = useQuery({ queryKey: ['domains'], queryFn: () => api.get<Collection<Domain>>('/v1.0/domains') });
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/v1.0/me') });
  const org = useQuery({ queryKey: ['organization', session?.tenantId], enabled: !!session,
    queryFn: () => api.get<{ defaultUsageLocation: string | null }>(`/v1.0/organization/${session?.tenantId}`) });
  const skus = useSkus();
  const catalog = useCatalog();
  const roles = useRoleDefinitions();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(newDraft);
  const [result, setResult] = useState<Provisioned | null>(null);
  const verified = (domains.data?.value ?? []).filter((x) => x.isVerified);
  const own = me.data ? (me.data.mail ?? me.data.otherMails?.[0] ?? session?.userPrincipalName ?? '') : me.error ? (session?.userPrincipalName ?? '') : '';
  const d: Draft = {
    ...draft,
    domain: draft.domain || (verified.find((x) => x.isDefault) ?? verified[0])?.id || '',
    emails: draft.emails ?? own,
    location: draft.location ?? org.data?.defaultUsageLocation ?? '',
  };
  const patch = (p: Partial<Draft>) => setDraft((x) => ({ ...x, ...p }));
  const skuList = skus.data ?? [];
  const lacking = short(d, skuList);
  const productName = (id: string) => catalog.data?.find((p) => p.skuId === id)?.displayName ?? skuList.find((x) => x.skuId === id)?.skuPartNumber ?? id;
  const roleName = (id: string) => roles.data?.find((r) => r.templateId === id)?.displayName ?? id;

  const create = useMutation({
    mutationFn: () => api.post<Provisioned>('/api/users/provision', provisionBody(d, d.location ?? '', d.emails ?? '', canDelegate, skuList)),
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: userKeys.all });
      void qc.invalidateQueries({ queryKey: billingKeys.all });
    },
    onError: (e) => {
      const to = e instanceof ApiError && refusal(e) ? stepOf(e.target) : undefined;
      if (to !== undefined) setStep(to);
    },
  });
  const err = create.error instanceof ApiError ? create.error : undefined;
  const errStep = err && refusal(err) ? stepOf(err.target) : undefined;
  const errorAt = (n: number) => (errStep === n ? err : undefined);
  const recipientError = useRecipientError(d);
  const picked = chosenSkus(d);
  const valid = [
    !!displayNameOf(d).trim() && !!d.username.trim() && !!d.domain && (d.mode !== 'typed' || passwordReady(d.password, d.confirm)) && !recipientError,
    (d.noLicense || picked.length > 0) && (!picked.length || !!d.location) && lacking.every((x) => buyer && d.buy.includes(x)),
    true,
    true,
  ];
  const last = step === stepNames.length - 1;
  const again = () => { setDraft(newDraft()); setResult(null); setStep(0); create.reset(); };

  return (
    <Dialog open onOpenChange={(_, o) => !o.open && onClose()}>
      <DialogSurface className={s.surface}>
        {result ? (
          <DialogBody>
            <ResultView result={result} productName={productName} roleName={roleName} forced={draft.force} onAnother={again} onClose={onClose} />
          </DialogBody>
        ) : (
          <form noValidate onSubmit={(e) => { e.preventDefault(); if (!valid[step]) return; if (last) create.mutate(); else setStep(step + 1); }}>
            <DialogBody>
              <DialogTitle>{t('title')}</DialogTitle>
              <DialogContent>
                <ol className={s.steps} aria-label={t('steps')}>
                  {stepNames.map((n, i) => (
                    <li key={n} aria-current={i === step ? 'step' : undefined}>
                      <Text weight={i === step ? 'semibold' : 'regular'}>{t(`step.${n}`)}</Text>
                    </li>
                  ))}
                </ol>
                <Text as="h3" block size={400} weight="semibold">{t('stepOf', { n: step + 1, total: stepNames.length, name: t(`step.${stepNames[step]}`) })}</Text>
                {create.error && errStep === undefined && <ErrorMessage error={create.error} />}
                {[domains.error, skus.error].map((e, i) => e && <ErrorMessage key={i} error={e} />)}
                {step === 0 && <BasicsStep draft={d} patch={patch} error={errorAt(0)} domains={verified.map((x) => x.id)} />}
                {step === 1 && <LicensesStep draft={d} patch={patch} error={errorAt(1)} skus={skuList} catalog={catalog.data ?? []} buyer={buyer} />}
                {step === 2 && <OptionalStep draft={d} patch={patch} error={errorAt(2)} roles={canDelegate ? (roles.data ?? []) : null} />}
                {step === 3 && <ReviewStep draft={d} productName={productName} roleName={roleName} lacking={lacking} onEdit={setStep} />}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
                {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('back')}</Button>}
                <Button appearance="primary" type="submit" disabled={!valid[step] || create.isPending}>{last ? t('submit') : t('next')}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}
