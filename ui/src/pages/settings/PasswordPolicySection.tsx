import { Field, Input, Radio, RadioGroup, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useMissing } from '../roles/PermButton';
import { bannedProblems, fieldError, intIn, otherError, splitList } from './form';
import { Section, SectionLoading } from './Section';

/** PasswordPolicy is GET /api/settings/passwordPolicy. */
export interface PasswordPolicy {
  customBannedPasswords: string[];
  lockoutThreshold: number;
  lockoutDurationSeconds: number;
  temporaryPasswordLifetimeDays: number;
  generatedFormat: 'modern16' | 'legacy8';
  ssprScope: 'none' | 'all';
  passwordValidityDays: number;
  passwordNotificationDays: number;
}

const path = '/api/settings/passwordPolicy';
/** Each number field with the range the server accepts (directory.UpdatePasswordPolicy). */
const ranges = {
  passwordValidityDays: [14, 730], passwordNotificationDays: [1, 30], lockoutThreshold: [1, 100],
  lockoutDurationSeconds: [5, 3600], temporaryPasswordLifetimeDays: [1, 730],
} as const;
type NumField = keyof typeof ranges;
const fields = [...Object.keys(ranges), 'customBannedPasswords', 'ssprScope', 'generatedFormat'];
const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' } });

/** PasswordPolicySection is Security & privacy → password policy: expiration, smart lockout, banned passwords, self-service reset, generated passwords. */
export function PasswordPolicySection() {
  const { t } = useTranslation('settings');
  const q = useQuery({ queryKey: ['passwordPolicy'], queryFn: () => api.get<PasswordPolicy>(path) });
  return q.data ? <PolicyForm key={JSON.stringify(q.data)} p={q.data} /> : <SectionLoading id="policy" title={t('policy.title')} error={q.error} />;
}

function PolicyForm({ p }: { p: PasswordPolicy }) {
  const { t } = useTranslation('settings');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('org.manage');
  const [expires, setExpires] = useState(p.passwordValidityDays > 0);
  const [nums, setNums] = useState<Record<NumField, string>>({
    passwordValidityDays: String(p.passwordValidityDays || 90), passwordNotificationDays: String(p.passwordNotificationDays || 14),
    lockoutThreshold: String(p.lockoutThreshold), lockoutDurationSeconds: String(p.lockoutDurationSeconds),
    temporaryPasswordLifetimeDays: String(p.temporaryPasswordLifetimeDays),
  });
  const [banned, setBanned] = useState(p.customBannedPasswords.join('\n'));
  const [sspr, setSspr] = useState(p.ssprScope);
  const [format, setFormat] = useState(p.generatedFormat);
  const active = (f: NumField) => expires || (f !== 'passwordValidityDays' && f !== 'passwordNotificationDays');
  const rangeError = (f: NumField) => {
    const n = intIn(nums[f]);
    const [lo, hi] = ranges[f];
    return active(f) && !(n >= lo && n <= hi) ? t('policy.range', { lo, hi }) : undefined;
  };
  const bad = bannedProblems(splitList(banned));
  const save = useMutation({
    mutationFn: () => api.patch(path, {
      passwordValidityDays: expires ? intIn(nums.passwordValidityDays) : 0,
      passwordNotificationDays: expires ? intIn(nums.passwordNotificationDays) : 0,
      lockoutThreshold: intIn(nums.lockoutThreshold), lockoutDurationSeconds: intIn(nums.lockoutDurationSeconds),
      temporaryPasswordLifetimeDays: intIn(nums.temporaryPasswordLifetimeDays),
      customBannedPasswords: splitList(banned), ssprScope: sspr, generatedFormat: format,
    }),
    onSuccess: () => { notify(t('policy.saved')); void qc.invalidateQueries({ queryKey: ['passwordPolicy'] }); },
  });
  const invalid = (Object.keys(ranges) as NumField[]).some((f) => rangeError(f)) || bad.length > 0;
  const num = (f: NumField) => (
    <Field label={t(`policy.${f}`)} hint={t(`policy.${f}Hint`)} validationMessage={fieldError(save.error, f) ?? rangeError(f)}>
      <Input type="number" inputMode="numeric" min={ranges[f][0]} max={ranges[f][1]} value={nums[f]} readOnly={readOnly}
        onChange={(_, d) => setNums({ ...nums, [f]: d.value })} />
    </Field>
  );
  return (
    <Section id="policy" title={t('policy.title')} intro={t('policy.intro')} error={otherError(save.error, fields)}
      saveLabel={t('save')} saving={save.isPending} canSave={!readOnly && !invalid} onSave={() => save.mutate()}>
      <Switch checked={expires} disabled={readOnly} label={t('policy.expires')} onChange={(_, d) => setExpires(d.checked)} />
      {expires && <div className={s.grid}>{num('passwordValidityDays')}{num('passwordNotificationDays')}</div>}
      <div className={s.grid}>{num('lockoutThreshold')}{num('lockoutDurationSeconds')}</div>
      <Field label={t('policy.banned')} hint={t('policy.bannedHint')}
        validationMessage={fieldError(save.error, 'customBannedPasswords') ?? (bad.length ? t('policy.bannedBad', { terms: bad.join(', ') }) : undefined)}>
        <Textarea value={banned} readOnly={readOnly} rows={4} onChange={(_, d) => setBanned(d.value)} />
      </Field>
      <Field label={t('policy.sspr')} hint={t('policy.ssprHint')} validationMessage={fieldError(save.error, 'ssprScope')}>
        <RadioGroup value={sspr} disabled={readOnly} onChange={(_, d) => setSspr(d.value as PasswordPolicy['ssprScope'])}>
          <Radio value="none" label={t('policy.ssprNone')} />
          <Radio value="all" label={t('policy.ssprAll')} />
        </RadioGroup>
      </Field>
      <Field label={t('policy.format')} validationMessage={fieldError(save.error, 'generatedFormat')}>
        <RadioGroup value={format} disabled={readOnly} onChange={(_, d) => setFormat(d.value as PasswordPolicy['generatedFormat'])}>
          <Radio value="modern16" label={t('policy.modern16')} />
          <Radio value="legacy8" label={t('policy.legacy8')} />
        </RadioGroup>
      </Field>
      {num('temporaryPasswordLifetimeDays')}
    </Section>
  );
}
