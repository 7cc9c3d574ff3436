import { Field, Input, Switch } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useMissing } from '../roles/PermButton';
import { fieldError, otherError } from './form';
import { Section, SectionLoading } from './Section';

/** Helpdesk is GET /api/settings/helpdesk. */
export interface Helpdesk {
  phone: string;
  email: string;
  url: string;
  showAdminsToUsers: boolean;
}

const path = '/api/settings/helpdesk';
const fields = ['phone', 'email', 'url', 'showAdminsToUsers'];

/** HelpdeskSection is Help desk information: what people without a role see under "Contact your admin". */
export function HelpdeskSection() {
  const { t } = useTranslation('settings');
  const q = useQuery({ queryKey: ['helpdesk'], queryFn: () => api.get<Helpdesk>(path) });
  return q.data ? <HelpdeskForm key={JSON.stringify(q.data)} h={q.data} /> : <SectionLoading id="helpdesk" title={t('helpdesk.title')} error={q.error} />;
}

function HelpdeskForm({ h }: { h: Helpdesk }) {
  const { t } = useTranslation('settings');
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('org.manage');
  const [v, setV] = useState(h);
  const save = useMutation({
    mutationFn: () => api.patch(path, { ...v, phone: v.phone.trim(), email: v.email.trim(), url: v.url.trim() }),
    onSuccess: () => { notify(t('helpdesk.saved')); void qc.invalidateQueries({ queryKey: ['helpdesk'] }); void qc.invalidateQueries({ queryKey: ['myAdmins'] }); },
  });
  return (
    <Section id="helpdesk" title={t('helpdesk.title')} intro={t('helpdesk.intro')} error={otherError(save.error, fields)}
      saveLabel={t('save')} saving={save.isPending} canSave={!readOnly} onSave={() => save.mutate()}>
      <Field label={t('helpdesk.phone')} hint={t('helpdesk.phoneHint')} validationMessage={fieldError(save.error, 'phone')}>
        <Input type="tel" value={v.phone} readOnly={readOnly} maxLength={64} onChange={(_, d) => setV({ ...v, phone: d.value })} />
      </Field>
      <Field label={t('helpdesk.email')} validationMessage={fieldError(save.error, 'email')}>
        <Input type="email" value={v.email} readOnly={readOnly} maxLength={254} onChange={(_, d) => setV({ ...v, email: d.value })} />
      </Field>
      <Field label={t('helpdesk.url')} hint={t('helpdesk.urlHint')} validationMessage={fieldError(save.error, 'url')}>
        <Input type="url" value={v.url} readOnly={readOnly} maxLength={2048} onChange={(_, d) => setV({ ...v, url: d.value })} />
      </Field>
      <Field hint={t('helpdesk.showAdminsHint')} validationMessage={fieldError(save.error, 'showAdminsToUsers')}>
        <Switch checked={v.showAdminsToUsers} disabled={readOnly} label={t('helpdesk.showAdmins')}
          onChange={(_, d) => setV({ ...v, showAdminsToUsers: d.checked })} />
      </Field>
    </Section>
  );
}
