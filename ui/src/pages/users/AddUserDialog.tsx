import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, MessageBar,
  MessageBarBody, Option, Radio, RadioGroup, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { Collection, Domain } from '../../api/types';
import { PasswordFields, passwordReady } from '../../components/PasswordFields';
import { ErrorMessage } from '../../components/Status';
import { userKeys } from './data';
import { generatePassword } from './password';
import { SecretValue } from './SecretValue';
import type { User } from './types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  upn: { display: 'grid', gridTemplateColumns: '1fr auto 1fr', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
});

interface Created { user: User; password: string }

/**
 * AddUserDialog is Add a user, the simple form (admin-center.md §5.2 step
 * 1 without licenses): names, user name in a verified domain, an
 * automatic or typed password, and usage location; then the sign-in name
 * and the password, shown once.
 */
export function AddUserDialog({ onClose, onOpenUser }: { onClose: () => void; onOpenUser: (id: string) => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const domains = useQuery({ queryKey: ['domains'], queryFn: () => api.get<Collection<Domain>>('/v1.0/domains') });
  const verified = domains.data?.value.filter((d) => d.isVerified) ?? [];
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [display, setDisplay] = useState<string | null>(null); // null: follows first and last name
  const [username, setUsername] = useState('');
  const [domain, setDomain] = useState<string | null>(null);
  const [auto, setAuto] = useState(true);
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [force, setForce] = useState(true);
  const [location, setLocation] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const displayName = display ?? [first.trim(), last.trim()].filter(Boolean).join(' ');
  const chosenDomain = domain ?? verified.find((d) => d.isDefault)?.id ?? verified[0]?.id ?? '';
  const add = useMutation({
    mutationFn: async () => {
      const password = auto ? generatePassword() : pw;
      const user = await api.post<User>('/v1.0/users', {
        accountEnabled: true, displayName: displayName.trim(), givenName: first.trim() || null, surname: last.trim() || null,
        mailNickname: username.trim(), userPrincipalName: `${username.trim()}@${chosenDomain}`,
        ...(location.trim() ? { usageLocation: location.trim().toUpperCase() } : {}),
        passwordProfile: { password, forceChangePasswordNextSignIn: force },
      });
      return { user, password };
    },
    onSuccess: (c) => { setCreated(c); void qc.invalidateQueries({ queryKey: userKeys.all }); },
  });
  const e = add.error instanceof ApiError ? add.error : undefined;
  const at = (...targets: string[]) => (e && e.status === 400 && e.target && targets.includes(e.target) ? e.message : undefined);
  const upnError = at('userPrincipalName', 'mailNickname') ?? (e?.status === 409 ? e.message : undefined);
  const pwError = at('passwordProfile');
  const shownAtField = !!(upnError || pwError || at('displayName', 'givenName', 'surname', 'usageLocation'));
  const ready = displayName.trim() && username.trim() && chosenDomain && (auto || passwordReady(pw, confirm));
  const reset = () => {
    setFirst(''); setLast(''); setDisplay(null); setUsername(''); setPw(''); setConfirm(''); setLocation(''); setCreated(null); add.reset();
  };

  if (created) {
    return (
      <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('add.doneTitle', { name: created.user.displayName })}</DialogTitle>
            <DialogContent className={s.form}>
              <MessageBar intent="success"><MessageBarBody>{t('add.doneText')}</MessageBarBody></MessageBar>
              <SecretValue label={t('add.signInName')} value={created.user.userPrincipalName} testId="created-upn" />
              <SecretValue label={t('add.password')} value={created.password} testId="created-password" />
              {force && <span>{t('add.mustChange')}</span>}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={reset}>{t('add.another')}</Button>
              <Button appearance="secondary" onClick={() => onOpenUser(created.user.id)}>{t('add.openUser')}</Button>
              <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(ev) => { ev.preventDefault(); if (ready) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{t('add.title')}</DialogTitle>
            <DialogContent className={s.form}>
              {add.error && !shownAtField ? <ErrorMessage error={add.error} /> : null}
              {domains.error ? <ErrorMessage error={domains.error} /> : null}
              <div className={s.row}>
                <Field label={t('add.firstName')} validationMessage={at('givenName')}>
                  <Input value={first} onChange={(_, d) => setFirst(d.value)} autoFocus />
                </Field>
                <Field label={t('add.lastName')} validationMessage={at('surname')}>
                  <Input value={last} onChange={(_, d) => setLast(d.value)} />
                </Field>
              </div>
              <Field label={t('add.displayName')} required validationMessage={at('displayName')}>
                <Input value={displayName} onChange={(_, d) => setDisplay(d.value)} />
              </Field>
              <div className={s.upn}>
                <Field label={t('add.username')} required validationMessage={upnError}>
                  <Input value={username} onChange={(_, d) => setUsername(d.value.replace(/\s/g, ''))} />
                </Field>
                <span aria-hidden>@</span>
                <Field label={t('add.domain')} required>
                  <Dropdown value={chosenDomain} selectedOptions={[chosenDomain]} onOptionSelect={(_, d) => setDomain(d.optionValue ?? null)}>
                    {verified.map((d) => <Option key={d.id} value={d.id}>{d.id}</Option>)}
                  </Dropdown>
                </Field>
              </div>
              <RadioGroup value={auto ? 'auto' : 'typed'} onChange={(_, d) => setAuto(d.value === 'auto')} aria-label={t('add.passwordChoice')}>
                <Radio value="auto" label={t('add.autoPassword')} />
                <Radio value="typed" label={t('add.typedPassword')} />
              </RadioGroup>
              {!auto && <PasswordFields value={pw} confirm={confirm} onChange={setPw} onConfirm={setConfirm} error={pwError} />}
              {auto && pwError && <ErrorMessage error={add.error} />}
              <Checkbox label={t('add.force')} checked={force} onChange={(_, d) => setForce(!!d.checked)} />
              <Field label={t('column.usageLocation')} hint={t('add.locationHint')} validationMessage={at('usageLocation')}>
                <Input value={location} maxLength={2} onChange={(_, d) => setLocation(d.value.toUpperCase())} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={!ready || add.isPending}>{t('add.submit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
