import { Button, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Send20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Page } from '../../components/Page';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { fieldError, otherError } from '../settings/form';
import { contactMethods, newRequestFields, services, severities, type NewRequest, type SupportRequest } from './model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const empty: NewRequest = {
  title: '', description: '', service: '', severity: 'normal', contactName: '', contactPhone: '', contactEmail: '', preferredContactMethod: 'email',
};

/** NewRequestPage is Support → New service request: the form that opens a request with the operator's support, then shows it. */
export default function NewRequestPage() {
  const { t } = useTranslation('support');
  const s = useStyles();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [v, setV] = useState<NewRequest>(empty);
  const set = (k: keyof NewRequest) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const create = useMutation({
    mutationFn: () => api.post<SupportRequest>('/api/support/requests', trimmed(v)),
    onSuccess: (sr) => {
      notify(t('new.created', { id: sr.id }));
      void qc.invalidateQueries({ queryKey: ['support'] });
      navigate(`/admin/support/requests/${encodeURIComponent(sr.id)}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };
  const err = (f: string) => fieldError(create.error, f);
  return (
    <Page title={t('new.title')} intro={t('new.intro')}>
      <form className={s.form} noValidate onSubmit={submit} aria-label={t('new.title')}>
        {!!otherError(create.error, newRequestFields) && <ErrorMessage error={create.error} />}
        <Field label={t('field.title')} required validationMessage={err('title')}>
          <Input value={v.title} maxLength={200} onChange={(_, d) => set('title')(d.value)} />
        </Field>
        <Field label={t('field.description')} required hint={t('new.descriptionHint')} validationMessage={err('description')}>
          <Textarea value={v.description} rows={6} maxLength={10000} resize="vertical" onChange={(_, d) => set('description')(d.value)} />
        </Field>
        <div className={s.row}>
          <Field label={t('field.service')} required validationMessage={err('service')}>
            <Select value={v.service} onChange={(_, d) => set('service')(d.value)}>
              <option value="">{t('new.chooseService')}</option>
              {services.map((x) => <option key={x} value={x}>{t(`service.${x}`)}</option>)}
            </Select>
          </Field>
          <Field label={t('field.severity')} validationMessage={err('severity')}>
            <Select value={v.severity} onChange={(_, d) => set('severity')(d.value)}>
              {severities.map((x) => <option key={x} value={x}>{t(`severity.${x}`)}</option>)}
            </Select>
          </Field>
        </div>
        <h2 className={s.h2}>{t('new.contact')}</h2>
        <Field label={t('field.contactName')} hint={t('new.contactNameHint')} validationMessage={err('contactName')}>
          <Input value={v.contactName} maxLength={256} autoComplete="name" onChange={(_, d) => set('contactName')(d.value)} />
        </Field>
        <div className={s.row}>
          <Field label={t('field.contactEmail')} hint={t('new.contactEmailHint')} validationMessage={err('contactEmail')}>
            <Input type="email" value={v.contactEmail} maxLength={254} autoComplete="email" onChange={(_, d) => set('contactEmail')(d.value)} />
          </Field>
          <Field label={t('field.contactPhone')} validationMessage={err('contactPhone')}>
            <Input type="tel" value={v.contactPhone} maxLength={64} autoComplete="tel" onChange={(_, d) => set('contactPhone')(d.value)} />
          </Field>
        </div>
        <Field label={t('field.preferredContactMethod')} validationMessage={err('preferredContactMethod')}>
          <RadioGroup layout="horizontal" value={v.preferredContactMethod} onChange={(_, d) => set('preferredContactMethod')(d.value)}>
            {contactMethods.map((m) => <Radio key={m} value={m} label={t(`contactMethod.${m}`)} />)}
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" type="submit" icon={<Send20Regular />} disabled={create.isPending}>{t('new.submit')}</Button>
        </div>
      </form>
    </Page>
  );
}

/** trimmed sends the texts without surrounding blanks; an empty contact lets the server use the signed-in admin's name and mail. */
function trimmed(v: NewRequest): NewRequest {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'description' ? x : x.trim()])) as unknown as NewRequest;
}
