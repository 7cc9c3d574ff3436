import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { useNotify } from '../../components/useNotify';
import { useMissing } from '../roles/PermButton';
import { fieldError, otherError, splitList } from './form';
import { Section, SectionLoading } from './Section';

/** Organization is the part of GET /v1.0/organization/{id} this form edits. */
export interface Organization {
  id: string;
  displayName: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  businessPhones: string[];
  technicalNotificationMails: string[];
  preferredLanguage: string | null;
  defaultUsageLocation: string | null;
}

const textFields = ['displayName', 'street', 'city', 'state', 'postalCode', 'country', 'preferredLanguage', 'defaultUsageLocation'] as const;
type TextField = (typeof textFields)[number];
const fields = [...textFields, 'businessPhones', 'technicalNotificationMails'];
const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' } });

/** countryName names a two-letter code in the UI's language, when Intl knows it. */
function countryName(code: string, lang: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code);
  } catch {
    return undefined;
  }
}

/** OrgProfileSection is Organization information (PATCH /v1.0/organization/{id}). */
export function OrgProfileSection() {
  const { t } = useTranslation('settings');
  const tenant = useSession().data!.tenantId;
  const path = `/v1.0/organization/${tenant}`;
  const q = useQuery({ queryKey: ['organization', tenant], queryFn: () => api.get<Organization>(path) });
  return q.data ? <OrgForm key={JSON.stringify(q.data)} org={q.data} path={path} /> : <SectionLoading id="org" title={t('org.title')} error={q.error} />;
}

function OrgForm({ org, path }: { org: Organization; path: string }) {
  const { t, i18n } = useTranslation('settings');
  const lang = i18n.language;
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('org.manage');
  const [v, setV] = useState<Record<TextField, string>>(() => Object.fromEntries(textFields.map((f) => [f, org[f] ?? ''])) as Record<TextField, string>);
  const [phone, setPhone] = useState(org.businessPhones[0] ?? '');
  const [mails, setMails] = useState(org.technicalNotificationMails.join('\n'));
  const save = useMutation({
    mutationFn: () => api.patch(path, {
      ...Object.fromEntries(textFields.map((f) => [f, v[f].trim() || null])),
      defaultUsageLocation: v.defaultUsageLocation.trim().toUpperCase() || null,
      businessPhones: phone.trim() ? [phone.trim()] : [],
      technicalNotificationMails: splitList(mails),
    }),
    onSuccess: () => {
      notify(t('org.saved'));
      void qc.invalidateQueries({ queryKey: ['organization'] });
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const text = (f: TextField, extra: { hint?: string; required?: boolean; maxLength?: number } = {}) => (
    <Field label={t(`org.${f}`)} hint={extra.hint} required={extra.required} validationMessage={fieldError(save.error, f)}>
      <Input value={v[f]} readOnly={readOnly} maxLength={extra.maxLength} onChange={(_, d) => setV({ ...v, [f]: d.value })} />
    </Field>
  );
  const country = countryName(v.defaultUsageLocation.trim().toUpperCase(), lang);
  return (
    <Section id="org" title={t('org.title')} intro={t('org.intro')} error={otherError(save.error, fields)}
      saveLabel={t('save')} saving={save.isPending} canSave={!readOnly && v.displayName.trim() !== ''}
      onSave={() => save.mutate()}>
      {text('displayName', { required: true, maxLength: 256 })}
      {text('street', { maxLength: 1024 })}
      <div className={s.grid}>
        {text('postalCode', { maxLength: 40 })}
        {text('city', { maxLength: 128 })}
        {text('state', { maxLength: 128 })}
        {text('country', { maxLength: 128 })}
      </div>
      <Field label={t('org.phone')} validationMessage={fieldError(save.error, 'businessPhones')}>
        <Input type="tel" value={phone} readOnly={readOnly} maxLength={64} onChange={(_, d) => setPhone(d.value)} />
      </Field>
      <Field label={t('org.technical')} hint={t('org.technicalHint')} validationMessage={fieldError(save.error, 'technicalNotificationMails')}>
        <Textarea value={mails} readOnly={readOnly} onChange={(_, d) => setMails(d.value)} />
      </Field>
      <div className={s.grid}>
        {text('preferredLanguage', { hint: t('org.preferredLanguageHint'), maxLength: 35 })}
        {text('defaultUsageLocation', { hint: country ?? t('org.defaultUsageLocationHint'), maxLength: 2 })}
      </div>
    </Section>
  );
}
