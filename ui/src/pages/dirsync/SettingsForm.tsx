import { Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { PermButton, useMissing } from '../roles/PermButton';
import { fieldError } from '../settings/form';
import {
  features, fieldInterval, fieldPrevention, fieldThreshold, formOf, patchOf, preventionTypes, type DirSync, type Form,
} from './model';
import { useSectionStyles } from './SyncSwitch';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  narrow: { maxWidth: '200px' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
});

/** localInterval checks the minutes typed before asking the server: a whole number from 10 minutes to 7 days. */
function localInterval(v: string): boolean {
  const n = Number(v);
  return v.trim() !== '' && Number.isInteger(n) && n >= 10 && n <= 10080;
}

/** SettingsForm edits the sync settings (interval, accidental-deletion prevention, feature switches) and saves only what changed. */
export function SettingsForm({ saved }: { saved: DirSync }) {
  const { t } = useTranslation('dirsync');
  const s = useStyles();
  const sec = useSectionStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('dirsync.manage');
  const [f, setF] = useState<Form>(() => formOf(saved));
  const [intervalBad, setIntervalBad] = useState(false);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch(`/v1.0/directory/onPremisesSynchronization/${encodeURIComponent(saved.id)}`, body),
    onSuccess: () => { notify(t('settings.saved')); void qc.invalidateQueries({ queryKey: ['dirsync'] }); },
  });
  const body = patchOf(saved, f);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = !localInterval(f.interval) && f.interval.trim() !== formOf(saved).interval;
    setIntervalBad(bad);
    if (!bad && body && !readOnly && !save.isPending) save.mutate(body);
  };
  const err = (field: string) => fieldError(save.error, field);
  const known = save.error instanceof ApiError && save.error.status === 400 && !!save.error.target
    && (save.error.target.startsWith('configuration.') || save.error.target.startsWith('features.'));
  return (
    <section className={sec.section} aria-labelledby="dirsync-settings">
      <h2 id="dirsync-settings" className={sec.h2}>{t('settings.title')}</h2>
      <form className={s.form} noValidate onSubmit={submit}>
        {!!save.error && !known && <ErrorMessage error={save.error} />}
        <Field label={t('settings.interval')} hint={t('settings.intervalHint')}
          validationMessage={intervalBad ? t('settings.intervalRange') : err(fieldInterval)}>
          <Input className={s.narrow} type="number" min={10} max={10080} value={f.interval} readOnly={readOnly} onChange={(_, d) => setF({ ...f, interval: d.value })} />
        </Field>
        <div className={s.row}>
          <Field label={t('settings.prevention')} validationMessage={err(fieldPrevention)}>
            <Select value={f.prevention} disabled={readOnly} onChange={(_, d) => setF({ ...f, prevention: d.value })}>
              {preventionTypes.map((p) => <option key={p} value={p}>{t(`prevention.${p}`)}</option>)}
            </Select>
          </Field>
          <Field label={f.prevention === 'enabledForPercentage' ? t('settings.thresholdPercent') : t('settings.thresholdCount')}
            hint={t('settings.thresholdHint')} validationMessage={err(fieldThreshold)}>
            <Input type="number" min={1} max={f.prevention === 'enabledForPercentage' ? 100 : 1000000} value={f.threshold}
              readOnly={readOnly} disabled={f.prevention === 'disabled'} onChange={(_, d) => setF({ ...f, threshold: d.value })} />
          </Field>
        </div>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>{t('settings.features')}</legend>
          {features.map((name) => (
            <Field key={name} hint={t(`feature.${name}.hint`)} validationMessage={err(`features.${name}`)}>
              <Switch checked={!!f.features[name]} disabled={readOnly} label={t(`feature.${name}.label`)}
                onChange={(_, d) => setF({ ...f, features: { ...f.features, [name]: d.checked } })} />
            </Field>
          ))}
        </fieldset>
        <div>
          <PermButton perm="dirsync.manage" appearance="primary" type="submit" disabled={!body || save.isPending}>{t('settings.save')}</PermButton>
        </div>
      </form>
    </section>
  );
}
