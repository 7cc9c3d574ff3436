import {
  MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../api/session';
import type { Collection } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import type { DirectoryObject } from '../groups/model';
import { AddRoleMembersDialog } from './AddRoleMembersDialog';
import { useRoleLabel } from './labels';
import type { MatrixRole } from './matrix';
import { PermButton } from './PermButton';
import { sendRoleChange } from './warnings';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export const rolePath = (templateId: string) => `/v1.0/directoryRoles(roleTemplateId='${templateId}')`;

/** Feedback is what the server said about the last change: its warnings and, per user, its refusals. */
export interface Feedback {
  warnings: string[];
  refused: { name: string; message: string }[];
}

/** RoleMembers is a role's Assigned tab: the users holding it, Add users and Remove (roles.delegate), and what the server answered. */
export function RoleMembers({ role }: { role: MatrixRole }) {
  const { t, i18n } = useTranslation('roles');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const session = useSession().data!;
  const label = useRoleLabel()(role);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<DirectoryObject>();
  const [feedback, setFeedback] = useState<Feedback>();
  const members = useQuery({
    queryKey: ['roleMembers', role.templateId],
    queryFn: async () => {
      try {
        return (await api.get<Collection<DirectoryObject>>(`${rolePath(role.templateId)}/members`)).value;
      } catch (e) {
        // A role nobody was ever given isn't activated yet: no members.
        if (e instanceof ApiError && e.status === 404) return [];
        throw e;
      }
    },
  });
  const refresh = () => {
    for (const key of [['roleMembers', role.templateId], ['roleAssignments'], ['roleWarnings'], ['session']]) void qc.invalidateQueries({ queryKey: key });
  };
  const remove = useMutation({
    mutationFn: (u: DirectoryObject) => sendRoleChange('DELETE', `${rolePath(role.templateId)}/members/${u.id}/$ref`, session.csrfToken, i18n.language),
    onSuccess: (warnings, u) => {
      const name = u.displayName ?? u.userPrincipalName ?? u.id;
      notify(t('assigned.removed', { name, role: label }));
      setFeedback({ warnings, refused: [] });
      setRemoving(undefined);
      refresh();
    },
  });
  const name = (u: DirectoryObject) => u.displayName ?? u.userPrincipalName ?? u.id;
  return (
    <div className={s.col}>
      <div>
        <PermButton perm="roles.delegate" icon={<PersonAdd20Regular />} onClick={() => setAdding(true)}>{t('assigned.add')}</PermButton>
      </div>
      {feedback?.refused.map((r) => (
        <MessageBar key={r.name} intent="error" layout="multiline" role="alert">
          <MessageBarBody><MessageBarTitle>{t('assigned.failedFor', { name: r.name })}</MessageBarTitle> {r.message}</MessageBarBody>
        </MessageBar>
      ))}
      {feedback && feedback.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('assigned.warnings')}</MessageBarTitle>
            <ul>{feedback.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {members.isPending && <Loading />}
      {members.error && <ErrorMessage error={members.error} />}
      {members.data && members.data.length === 0 && <Empty>{t('assigned.empty')}</Empty>}
      {members.data && members.data.length > 0 && (
        <Table aria-label={t('page.assigned')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('column.userName')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.data.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{name(u)}</TableCell>
                <TableCell>{u.userPrincipalName}</TableCell>
                <TableCell>
                  <PermButton perm="roles.delegate" size="small" aria-label={t('assigned.removeLabel', { name: name(u) })}
                    onClick={() => { remove.reset(); setRemoving(u); }}>{t('assigned.remove')}</PermButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {removing && (
        <ConfirmDialog title={t('assigned.removeTitle', { name: name(removing), role: label })} confirmLabel={t('assigned.remove')}
          busy={remove.isPending} onConfirm={() => remove.mutate(removing)} onClose={() => setRemoving(undefined)}>
          {remove.error ? <ErrorMessage error={remove.error} /> : t('assigned.removeText', { name: name(removing) })}
        </ConfirmDialog>
      )}
      {adding && (
        <AddRoleMembersDialog role={role} exclude={members.data?.map((u) => u.id) ?? []}
          onDone={(fb) => { setFeedback(fb); setAdding(false); refresh(); }} onClose={() => setAdding(false)} />
      )}
    </div>
  );
}
