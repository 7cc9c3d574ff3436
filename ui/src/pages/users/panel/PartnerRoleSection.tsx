import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { useCustomer } from '../../../shell/CustomerContext';
import { usePartner } from '../../partner/api';
import { userKeys } from '../data';
import type { User } from '../types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
});

export const partnerRoles = ['fullAdministration', 'limitedAdministration', 'none'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/**
 * PartnerRoleSection is a partner organization's user's partner role
 * (seed 001; partners.md §1): full administration (like a Global admin in
 * the customers), limited administration (like a Password admin), or none.
 * Shown only in a partner organization, and not while acting in a customer;
 * the server refuses a change by an admin without roles.delegate.
 */
export function PartnerRoleSection({ user }: { user: User }) {
  const partner = usePartner().data;
  const acting = !!useCustomer().tenantId;
  if (!partner?.isPartner || acting) return null;
  return <PartnerRoleForm user={user} />;
}

function PartnerRoleForm({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const key = [...userKeys.one(user.id), 'partnerRole'];
  const url = `/api/users/${encodeURIComponent(user.id)}/partnerRole`;
  const q = useQuery({ queryKey: key, queryFn: () => api.get<{ partnerRole: PartnerRole }>(url) });
  const [pick, setPick] = useState<PartnerRole>();
  const current = q.data?.partnerRole ?? 'none';
  const value = pick ?? current;
  const save = useMutation({
    mutationFn: () => api.put<{ partnerRole: PartnerRole }>(url, { partnerRole: value }),
    onSuccess: () => {
      notify(t('partnerRole.saved'));
      setPick(undefined);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <section className={s.root} aria-label={t('partnerRole.title')}>
      <Text as="h3" weight="semibold">{t('partnerRole.title')}</Text>
      <Text size={200}>{t('partnerRole.intro')}</Text>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          <Field label={t('partnerRole.title')}>
            <RadioGroup value={value} onChange={(_, d) => { save.reset(); setPick(d.value as PartnerRole); }}>
              {partnerRoles.map((r) => <Radio key={r} value={r} label={t(`partnerRole.${r}`)} />)}
            </RadioGroup>
          </Field>
          {!!save.error && <ErrorMessage error={save.error} />}
          <div>
            <Button appearance="primary" disabled={value === current || save.isPending} onClick={() => save.mutate()}>{t('partnerRole.save')}</Button>
          </div>
        </>
      )}
    </section>
  );
}
