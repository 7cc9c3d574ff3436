import { Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { PasswordFields } from '../../../components/PasswordFields';
import { displayNameOf, parseRecipients, recipientProblem, upnOf, type Draft, type PasswordMode } from './model';

export const useStepStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  upn: { display: 'grid', gridTemplateColumns: '1fr auto 1fr', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  help: { paddingInlineStart: '32px', color: tokens.colorNeutralForeground3 },
  indent: { paddingInlineStart: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** StepProps are what every step gets: the draft (defaults resolved), a way to change it, and the server's refusal of this step's fields. */
export interface StepProps { draft: Draft; patch: (p: Partial<Draft>) => void; error?: ApiError }

/** useRecipientError explains what is wrong with the e-mail recipients, if anything. */
export function useRecipientError(d: Draft): string | undefined {
  const { t } = useTranslation('adduser');
  const p = recipientProblem(parseRecipients(d.emails ?? ''), upnOf(d));
  if (!p) return undefined;
  return p.kind === 'invalid' ? t('basics.invalid', { address: p.address }) : t(`basics.${p.kind}`);
}

/** BasicsStep takes the names, the user name in a verified domain, how the first password is made, and where the sign-in details go. */
export function BasicsStep({ draft, patch, error, domains }: StepProps & { domains: string[] }) {
  const { t } = useTranslation('adduser');
  const s = useStepStyles();
  const at = (re: RegExp) => (error?.target && re.test(error.target) ? error.message : undefined);
  const upnError = at(/^user\.(userPrincipalName|mailNickname)$/);
  const pwError = at(/^password\./);
  const local = useRecipientError(draft);
  const mailError = at(/^delivery\./) ?? local;
  const other = error && !upnError && !pwError && !at(/^delivery\./) ? error.message : undefined;
  return (
    <div className={s.col}>
      {(other || (pwError && draft.mode !== 'typed')) && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{other ?? pwError}</MessageBarBody></MessageBar>
      )}
      <div className={s.row}>
        <Field label={t('basics.firstName')}>
          <Input value={draft.first} onChange={(_, d) => patch({ first: d.value })} autoFocus />
        </Field>
        <Field label={t('basics.lastName')}>
          <Input value={draft.last} onChange={(_, d) => patch({ last: d.value })} />
        </Field>
      </div>
      <Field label={t('basics.displayName')} required>
        <Input value={displayNameOf(draft)} onChange={(_, d) => patch({ display: d.value })} />
      </Field>
      <div className={s.upn}>
        <Field label={t('basics.username')} required validationMessage={upnError}>
          <Input value={draft.username} onChange={(_, d) => patch({ username: d.value.replace(/\s/g, '') })} />
        </Field>
        <span aria-hidden>@</span>
        <Field label={t('basics.domain')} required>
          <Dropdown value={draft.domain} selectedOptions={[draft.domain]} onOptionSelect={(_, d) => patch({ domain: d.optionValue ?? '' })}>
            {domains.map((d) => <Option key={d} value={d}>{d}</Option>)}
          </Dropdown>
        </Field>
      </div>
      <Field label={t('basics.passwordChoice')}>
        <RadioGroup value={draft.mode} onChange={(_, d) => patch({ mode: d.value as PasswordMode })}>
          <Radio value="link" label={t('basics.link')} aria-describedby="add-user-link-help" />
          <Text id="add-user-link-help" size={200} block className={s.help}>{t('basics.linkHint')}</Text>
          <Radio value="generate" label={t('basics.generate')} />
          <Radio value="typed" label={t('basics.typed')} />
        </RadioGroup>
      </Field>
      {draft.mode === 'typed' && (
        <div className={s.indent}>
          <PasswordFields value={draft.password} confirm={draft.confirm} onChange={(password) => patch({ password })}
            onConfirm={(confirm) => patch({ confirm })} error={pwError} />
        </div>
      )}
      {draft.mode !== 'link' && <Checkbox label={t('basics.force')} checked={draft.force} onChange={(_, d) => patch({ force: !!d.checked })} />}
      <Field label={t('basics.emails')} hint={t('basics.emailsHint')} validationMessage={mailError}>
        <Input inputMode="email" value={draft.emails ?? ''} onChange={(_, d) => patch({ emails: d.value })} />
      </Field>
    </div>
  );
}
