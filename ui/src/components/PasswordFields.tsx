import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark16Filled, Circle16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { passwordRules } from './passwordRules';

const useStyles = makeStyles({
  rules: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  rule: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** PasswordFields are the new-password and confirm fields with the live rule checklist. */
export function PasswordFields({ value, confirm, onChange, onConfirm, error }: {
  value: string; confirm: string; onChange: (v: string) => void; onConfirm: (v: string) => void; error?: string;
}) {
  const { t } = useTranslation();
  const s = useStyles();
  const rules = passwordRules(value, confirm);
  return (
    <>
      <Field label={t('password.new')} required validationMessage={error}>
        <Input type="password" autoComplete="new-password" value={value} onChange={(_, d) => onChange(d.value)}
          aria-describedby="password-rules" />
      </Field>
      <Field label={t('password.confirm')} required>
        <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => onConfirm(d.value)} />
      </Field>
      <ul id="password-rules" className={s.rules} aria-live="polite">
        {rules.map((r) => (
          <li key={r.key} className={s.rule}>
            {r.ok ? <Checkmark16Filled className={s.ok} aria-hidden /> : <Circle16Regular aria-hidden />}
            <Text size={200}>{t(`password.rule.${r.key}`)}</Text>
            <span className="visually-hidden">{r.ok ? t('password.ruleMet') : t('password.ruleNotMet')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** passwordReady tells whether the checklist is all met. */
export const passwordReady = (value: string, confirm: string) => passwordRules(value, confirm).every((r) => r.ok);
