import {
  Button, Field, Input, Link, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { FormDialog } from './AddDevices';
import { base, devicesKey, profileSettings, profilesKey, useProfiles, type DeploymentProfile, type ProfileInput } from './api';

const blank: ProfileInput = {
  name: '', description: '', skipPrivacySettings: false, disableLocalAdminAccount: false, skipWorkOrSchoolQuestion: false,
  skipAssistantCloudAndOemPages: false, skipEula: false,
};

/** ProfilesTab lists the deployment profiles; each can be created, edited and deleted. */
export function ProfilesTab() {
  const { t } = useTranslation('autopilot');
  const q = useProfiles();
  const qc = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState<DeploymentProfile | 'new'>();
  const [deleting, setDeleting] = useState<DeploymentProfile>();
  const remove = useMutation({
    mutationFn: (p: DeploymentProfile) => api.del(`${base}/profiles/${encodeURIComponent(p.id)}`),
    onSuccess: (_, p) => {
      notify(t('profiles.deleted', { name: p.name }));
      setDeleting(undefined);
      void qc.invalidateQueries({ queryKey: profilesKey });
      void qc.invalidateQueries({ queryKey: devicesKey });
    },
  });
  return (
    <>
      <div>
        <Button icon={<Add20Regular />} onClick={() => setEditing('new')}>{t('profiles.create')}</Button>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('profiles.empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('profiles.table')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('profiles.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('profiles.column.description')}</TableHeaderCell>
              <TableHeaderCell>{t('profiles.column.devices')}</TableHeaderCell>
              <TableHeaderCell>{t('profiles.column.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((p) => (
              <TableRow key={p.id}>
                <TableCell><Link onClick={() => setEditing(p)}>{p.name}</Link></TableCell>
                <TableCell>{p.description}</TableCell>
                <TableCell>{p.devicesAssigned ?? 0}</TableCell>
                <TableCell>
                  <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('profiles.delete', { name: p.name })}
                    onClick={() => { remove.reset(); setDeleting(p); }} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <ProfileDialog profile={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {deleting && (
        <ConfirmDialog title={t('profiles.deleteTitle', { name: deleting.name })} confirmLabel={t('profiles.deleteConfirm')}
          busy={remove.isPending} onConfirm={() => remove.mutate(deleting)} onClose={() => setDeleting(undefined)}>
          <Text block>{t('profiles.deleteText')}</Text>
          {!!remove.error && <ErrorMessage error={remove.error} />}
        </ConfirmDialog>
      )}
    </>
  );
}

/** ProfileDialog creates a deployment profile, or edits one (PATCH with every field). */
function ProfileDialog({ profile, onClose }: { profile?: DeploymentProfile; onClose: () => void }) {
  const { t } = useTranslation('autopilot');
  const qc = useQueryClient();
  const notify = useNotify();
  const [v, setV] = useState<ProfileInput>(() => {
    if (!profile) return blank;
    const out = { ...blank, name: profile.name, description: profile.description ?? '' };
    for (const k of profileSettings) out[k] = !!profile[k];
    return out;
  });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...v, name: v.name.trim(), description: v.description.trim() };
      return profile ? api.patch<DeploymentProfile>(`${base}/profiles/${encodeURIComponent(profile.id)}`, body)
        : api.post<DeploymentProfile>(`${base}/profiles`, body);
    },
    onSuccess: () => {
      notify(t('profiles.saved', { name: v.name.trim() }));
      void qc.invalidateQueries({ queryKey: profilesKey });
      onClose();
    },
  });
  return (
    <FormDialog title={profile ? t('profiles.editTitle', { name: profile.name }) : t('profiles.createTitle')} submit={t('profiles.save')}
      busy={save.isPending} ready={!!v.name.trim()} error={save.error} onSubmit={() => save.mutate()} onClose={onClose}>
      <Field label={t('profiles.column.name')} required><Input value={v.name} onChange={(_, d) => setV({ ...v, name: d.value })} /></Field>
      <Field label={t('profiles.column.description')}>
        <Textarea value={v.description} onChange={(_, d) => setV({ ...v, description: d.value })} />
      </Field>
      {profileSettings.map((k) => (
        <Switch key={k} label={t(`profiles.setting.${k}`)} checked={v[k]} onChange={(_, d) => setV({ ...v, [k]: d.checked })} />
      ))}
      {profile && <Text size={200}>{t('profiles.changeNote')}</Text>}
    </FormDialog>
  );
}
