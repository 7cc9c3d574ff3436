import {
  Button, Dropdown, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { can, useSession } from '../../../api/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { quote } from '../query';
import { sendRoleChange } from '../../roles/warnings';
import { useRoleDefinitions, userKeys } from '../data';
import { GuardedButton } from '../Guarded';
import type { RoleAssignment, User } from '../types';
import { PartnerRoleSection } from './PartnerRoleSection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  assign: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  desc: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/**
 * RolesTab lists the user's admin roles; roles.delegate holders (Global
 * admins) assign and remove them. The warnings the server returns with a
 * change (HTTP Warning: an admin without an alternate email or mobile
 * phone, the last Global admin) are shown after it.
 */
export function RolesTab({ user }: { user: User }) {
  const { t, i18n } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const session = useSession().data;
  const defs = useRoleDefinitions();
  const key = [...userKeys.one(user.id), 'roles'];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ value: RoleAssignment[] }>(
      `/v1.0/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq ${quote(user.id)}`)}`).then((r) => r.value),
  });
  const [pick, setPick] = useState('');
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const nameOf = (id: string) => defs.data?.find((d) => d.id === id)?.displayName ?? id;
  const done = (w: string[], text: string) => {
    setWarnings(w);
    notify(text);
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: userKeys.roles });
  };
  const assign = useMutation({
    mutationFn: () => sendRoleChange('POST', '/v1.0/roleManagement/directory/roleAssignments', session?.csrfToken, i18n.language,
      { roleDefinitionId: pick, principalId: user.id, directoryScopeId: '/' }),
    onSuccess: (w) => { done(w, t('roles.assigned', { role: nameOf(pick) })); setPick(''); },
  });
  const remove = useMutation({
    mutationFn: (a: RoleAssignment) => sendRoleChange('DELETE', `/v1.0/roleManagement/directory/roleAssignments/${a.id}`, session?.csrfToken, i18n.language),
    onSuccess: (w, a) => { done(w, t('roles.removed', { role: nameOf(a.roleDefinitionId) })); setRemoving(null); },
  });
  const mayChange = can(session, 'roles.delegate');
  const held = new Set(q.data?.map((a) => a.roleDefinitionId));
  return (
    <div className={s.root}>
      {warnings.length > 0 && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('roles.warnings')}</MessageBarTitle>
            {warnings.map((w) => <div key={w}>{w}</div>)}
          </MessageBarBody>
        </MessageBar>
      )}
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.length === 0 && <Empty>{t('roles.none')}</Empty>}
      {q.data && q.data.length > 0 && (
        <Table size="small" aria-label={t('panel.tab.roles')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('roles.role')}</TableHeaderCell>
              {mayChange && <TableHeaderCell>{t('roles.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <Text weight="semibold">{nameOf(a.roleDefinitionId)}</Text>
                  <Text as="p" size={200} className={s.desc}>{defs.data?.find((d) => d.id === a.roleDefinitionId)?.description}</Text>
                </TableCell>
                {mayChange && (
                  <TableCell>
                    <Button appearance="subtle" icon={<Delete20Regular />} onClick={() => { remove.reset(); setRemoving(a); }}
                      aria-label={t('roles.remove', { role: nameOf(a.roleDefinitionId) })} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {assign.error && <ErrorMessage error={assign.error} />}
      <div className={s.assign}>
        <Field label={t('roles.pick')}>
          <Dropdown value={pick ? nameOf(pick) : ''} selectedOptions={pick ? [pick] : []} disabled={!mayChange}
            onOptionSelect={(_, d) => setPick(d.optionValue ?? '')}>
            {defs.data?.filter((d) => !held.has(d.id)).map((d) => <Option key={d.id} value={d.id}>{d.displayName}</Option>)}
          </Dropdown>
        </Field>
        <GuardedButton perm="roles.delegate" appearance="primary" disabled={!pick || assign.isPending} onClick={() => assign.mutate()}>
          {t('roles.assign')}
        </GuardedButton>
      </div>
      {removing && (
        <ConfirmDialog title={t('roles.removeTitle', { role: nameOf(removing.roleDefinitionId), name: user.displayName })}
          confirmLabel={t('roles.removeConfirm')} busy={remove.isPending} onConfirm={() => remove.mutate(removing)} onClose={() => setRemoving(null)}>
          {remove.error ? <ErrorMessage error={remove.error} /> : t('roles.removeText')}
        </ConfirmDialog>
      )}
      <PartnerRoleSection user={user} />
    </div>
  );
}
