import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Filter20Regular } from '@fluentui/react-icons';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateRange } from './filters';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { minWidth: '160px' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** FilterForm is a log's filter bar: its fields, Apply and Clear. */
export function FilterForm({ label, onApply, onClear, children }: { label: string; onApply: () => void; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation('logs');
  const s = useStyles();
  const submit = (e: FormEvent) => { e.preventDefault(); onApply(); };
  return (
    <form className={s.form} onSubmit={submit} aria-label={label} role="search">
      {children}
      <Button type="submit" appearance="primary" icon={<Filter20Regular />}>{t('apply')}</Button>
      <Button onClick={onClear}>{t('clear')}</Button>
    </form>
  );
}

/** DateRangeFields are the From and To days of a filter (both included). */
export function DateRangeFields<T extends DateRange>({ value, onChange }: { value: T; onChange: (v: T) => void }) {
  const { t } = useTranslation('logs');
  const s = useStyles();
  return (
    <>
      <Field label={t('from')} className={s.field}>
        <Input type="date" value={value.from} max={value.to || undefined} onChange={(_, d) => onChange({ ...value, from: d.value })} />
      </Field>
      <Field label={t('to')} className={s.field}>
        <Input type="date" value={value.to} min={value.from || undefined} onChange={(_, d) => onChange({ ...value, to: d.value })} />
      </Field>
    </>
  );
}

/** TextFilter is a text field of a filter bar; how it matches (starts with, exact) is its placeholder, so the bar's fields line up. */
export function TextFilter({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} className={useStyles().field}>
      <Input value={value} placeholder={hint} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** ResultBar says how many entries are loaded and exports them as CSV. */
export function ResultBar({ loaded, more, onExport }: { loaded: number; more: boolean; onExport: () => void }) {
  const { t } = useTranslation('logs');
  const s = useStyles();
  return (
    <div className={s.bar}>
      <Text className={s.muted}>{more ? t('loadedMore', { count: loaded }) : t('loaded', { count: loaded })}</Text>
      <Button icon={<ArrowDownload20Regular />} disabled={loaded === 0} onClick={onExport}>{t('export')}</Button>
    </div>
  );
}
