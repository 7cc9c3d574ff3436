import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { creatable, mailKind, nicknameFrom, nicknameProblem, type CreatableKind } from './model';
import { UserPicker, type PickedUser } from './UserPicker';

/** Draft is what the Add a group wizard collects. */
export interface Draft {
  kind: CreatableKind;
  name: string;
  description: string;
  nickname: string;
  nicknameEdited: boolean;
  owners: PickedUser[];
  members: PickedUser[];
}

type StepProps = { draft: Draft; setDraft: (d: Draft) => void };

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0 },
  help: { paddingInlineStart: '32px', color: tokens.colorNeutralForeground3 },
});

/** TypeStep chooses Security, Mail-enabled security or Distribution list, each with what it does. */
export function TypeStep({ draft, setDraft }: StepProps) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  return (
    <Field label={t('add.chooseType')} className={s.col}>
      <RadioGroup value={draft.kind} onChange={(_, d) => setDraft({ ...draft, kind: d.value as CreatableKind })}>
        {creatable.map((k) => (
          <div key={k}>
            <Radio value={k} label={t(`kind.${k}`)} aria-describedby={`kind-help-${k}`} />
            <Text id={`kind-help-${k}`} size={200} block className={s.help}>{t(`kindHelp.${k}`)}</Text>
          </div>
        ))}
      </RadioGroup>
    </Field>
  );
}

/** BasicsStep takes the name, description and, for mail-enabled kinds, the address (proposed from the name until edited). */
export function BasicsStep({ draft, setDraft, serverError }: StepProps & { serverError: (field: string) => string | undefined }) {
  const { t } = useTranslation('groups');
  const nick = draft.nickname.trim();
  const nickError = serverError('mailNickname') ?? (nick && nicknameProblem(nick) ? t('add.nicknameBad') : undefined);
  return (
    <div className={useStyles().col}>
      <Field label={t('add.name')} required validationMessage={serverError('displayName')}>
        <Input value={draft.name} autoFocus maxLength={256}
          onChange={(_, d) => setDraft({ ...draft, name: d.value, nickname: draft.nicknameEdited ? draft.nickname : nicknameFrom(d.value) })} />
      </Field>
      <Field label={t('add.description')} validationMessage={serverError('description')}>
        <Textarea value={draft.description} maxLength={1024} onChange={(_, d) => setDraft({ ...draft, description: d.value })} />
      </Field>
      {mailKind(draft.kind) && (
        <Field label={t('add.nickname')} required hint={t('add.nicknameHint')} validationMessage={nickError}>
          <Input value={draft.nickname} maxLength={64} onChange={(_, d) => setDraft({ ...draft, nickname: d.value, nicknameEdited: true })} />
        </Field>
      )}
    </div>
  );
}

/** PeopleStep picks optional owners and members (at most 20 together, as the server allows on create). */
export function PeopleStep({ draft, setDraft, serverError, tooMany }: StepProps & { serverError: (field: string) => string | undefined; tooMany: boolean }) {
  const { t } = useTranslation('groups');
  const refused = serverError('members@odata.bind') ?? serverError('owners@odata.bind');
  return (
    <div className={useStyles().col}>
      {(tooMany || refused) && <MessageBar intent="error" role="alert"><MessageBarBody>{refused ?? t('add.tooMany')}</MessageBarBody></MessageBar>}
      <UserPicker label={t('add.owners')} selected={draft.owners} onChange={(owners) => setDraft({ ...draft, owners })} />
      <UserPicker label={t('add.members')} selected={draft.members} onChange={(members) => setDraft({ ...draft, members })} />
    </div>
  );
}

/** ReviewStep sums up the draft before Create group. */
export function ReviewStep({ draft }: { draft: Draft }) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const names = (us: PickedUser[]) => (us.length ? us.map((u) => u.displayName ?? u.userPrincipalName).join(', ') : t('add.none'));
  const rows: [string, string][] = [
    [t('column.type'), t(`kind.${draft.kind}`)],
    [t('add.name'), draft.name.trim()],
    [t('add.description'), draft.description.trim() || t('add.none')],
    ...(mailKind(draft.kind) ? [[t('add.nickname'), draft.nickname.trim()] as [string, string]] : []),
    [t('add.owners'), names(draft.owners)],
    [t('add.members'), names(draft.members)],
  ];
  return (
    <div className={s.col}>
      <Text>{t('add.review')}</Text>
      <dl className={s.dl}>
        {rows.map(([k, v]) => [<dt key={`${k}-t`}><Text weight="semibold">{k}</Text></dt>, <dd key={`${k}-d`} className={s.dd}>{v}</dd>])}
      </dl>
    </div>
  );
}
