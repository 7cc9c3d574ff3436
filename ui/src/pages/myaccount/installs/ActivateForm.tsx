import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { fieldError, otherError } from '../../settings/form';
import { deviceNameProblem, installKeys, isKind, kinds, maxDeviceName, type Install, type InstallKind, type NewInstall } from './model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const fields = ['deviceName', 'kind'];

/**
 * ActivateForm activates the apps on a device (POST /api/me/installs). The
 * server's refusals (the kind is full, the name is taken, no license) show
 * as it words them; disabled while the user's licenses lack the apps.
 */
export function ActivateForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const headingId = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<InstallKind>('pc');
  const [problem, setProblem] = useState<'required' | 'tooLong'>();
  const add = useMutation({
    mutationFn: (body: NewInstall) => api.post<Install>('/api/me/installs', body),
    onSuccess: (i) => {
      notify(t('installs.activate.done', { device: i.deviceName }));
      setName('');
      void qc.invalidateQueries({ queryKey: installKeys.mine });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (disabled || add.isPending) return;
    const p = deviceNameProblem(name);
    setProblem(p);
    add.reset();
    if (!p) add.mutate({ deviceName: name.trim(), kind });
  };
  const nameError = problem ? t(`installs.activate.${problem}`, { max: maxDeviceName }) : fieldError(add.error, 'deviceName');
  const other = otherError(add.error, fields);
  return (
    <form className={s.form} noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>{t('installs.activate.title')}</h2>
      {!!other && <ErrorMessage error={other} />}
      <Field label={t('installs.activate.deviceName')} required hint={t('installs.activate.deviceNameHint')} validationMessage={nameError}>
        <Input value={name} disabled={disabled} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('installs.activate.kind')} validationMessage={fieldError(add.error, 'kind')}>
        <Select value={kind} disabled={disabled} onChange={(_, d) => isKind(d.value) && setKind(d.value)}>
          {kinds.map((k) => <option key={k} value={k}>{t(`installs.kindOption.${k}`)}</option>)}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={disabled || add.isPending}>{t('installs.activate.submit')}</Button>
      </div>
    </form>
  );
}
