import { Text, Toolbar, ToolbarDivider, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular, Key20Regular, PersonProhibited20Regular, PersonAvailable20Regular, ShieldPerson20Regular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../api/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { userKeys } from '../data';
import { GuardedButton } from '../Guarded';
import type { BulkRoleResult } from '../types';
import { BulkResults } from './BulkResults';
import { BulkRolesDialog } from './BulkRolesDialog';
import { Skip, fromServer, runBulk, type Result, type Target } from './run';

const useStyles = makeStyles({ bar: { flexWrap: 'wrap', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium } });

type Action = 'block' | 'unblock' | 'delete' | 'reset' | 'roles';

/** maxResets is how many passwords one bulk reset may change (users-and-passwords.md §17). */
export const maxResets = 40;

/**
 * BulkBar is the multi-select toolbar, shown while users are selected:
 * each action asks first, runs per user and ends in the results list,
 * which stays open after the list reloads and the selection is gone.
 */
export function BulkBar({ users, onDone }: { users: Target[]; onDone: () => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const me = useSession().data!.userId;
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [results, setResults] = useState<{ action: Action; list: Result[] } | null>(null);

  const finish = (action: Action, list: Result[]) => {
    setBusy(false);
    setAsking(null);
    setResults({ action, list });
    void qc.invalidateQueries({ queryKey: userKeys.all });
  };
  const perUser = async (action: Exclude<Action, 'roles'>) => {
    setBusy(true);
    setProgress(0);
    const act = {
      block: (u: Target) => api.patch<void>(`/v1.0/users/${u.id}`, { accountEnabled: false }),
      unblock: (u: Target) => api.patch<void>(`/v1.0/users/${u.id}`, { accountEnabled: true }),
      delete: (u: Target) => api.del<void>(`/v1.0/users/${u.id}`),
      reset: async (u: Target) => {
        if (u.id === me) throw new Skip(t('bulk.notYourself'));
        return (await api.post<{ temporaryPassword: string }>(`/api/users/${u.id}/resetPassword`, { generate: true })).temporaryPassword;
      },
    }[action];
    finish(action, await runBulk(users, act, { onProgress: setProgress }));
  };
  const roles = async (how: 'assign' | 'revoke', roleId: string) => {
    setBusy(true);
    try {
      const r = await api.post<{ results: BulkRoleResult[] }>('/api/bulk/roles', { userIds: users.map((u) => u.id), roleDefinitionId: roleId, action: how });
      finish('roles', fromServer(users, r.results));
    } catch (e) {
      finish('roles', users.map((user) => ({ user, outcome: 'failed', message: e instanceof Error ? e.message : String(e) })));
    }
  };
  const n = users.length;
  return (
    <>
      {n > 0 && (
        <Toolbar className={s.bar} aria-label={t('bulk.label')}>
          <Text role="status">{t('bulk.selected', { count: n })}</Text>
          <ToolbarDivider />
          <GuardedButton perm="passwords.reset" appearance="subtle" icon={<Key20Regular />} onClick={() => setAsking('reset')}
            reason={n > maxResets ? t('bulk.tooMany', { max: maxResets }) : undefined}>{t('action.resetPassword')}</GuardedButton>
          <GuardedButton perm="users.write" appearance="subtle" icon={<PersonProhibited20Regular />} onClick={() => setAsking('block')}>{t('action.block')}</GuardedButton>
          <GuardedButton perm="users.write" appearance="subtle" icon={<PersonAvailable20Regular />} onClick={() => setAsking('unblock')}>{t('action.unblock')}</GuardedButton>
          <GuardedButton perm="roles.delegate" appearance="subtle" icon={<ShieldPerson20Regular />} onClick={() => setAsking('roles')}>{t('action.editRoles')}</GuardedButton>
          <GuardedButton perm="users.write" appearance="subtle" icon={<Delete20Regular />} onClick={() => setAsking('delete')}>{t('action.delete')}</GuardedButton>
        </Toolbar>
      )}
      {asking === 'roles' && <BulkRolesDialog count={n} busy={busy} onRun={(how, id) => void roles(how, id)} onClose={() => setAsking(null)} />}
      {asking && asking !== 'roles' && (
        <ConfirmDialog title={t(`bulk.confirm.${asking}`, { count: n })} confirmLabel={busy ? t('bulk.working', { done: progress, count: n }) : t(`bulk.go.${asking}`)}
          busy={busy} onConfirm={() => void perUser(asking)} onClose={() => !busy && setAsking(null)}>
          {t(`bulk.explain.${asking}`, { count: n })}
        </ConfirmDialog>
      )}
      {results && (
        <BulkResults title={t(`bulk.finished.${results.action}`)} results={results.list} onClose={() => { setResults(null); onDone(); }} />
      )}
    </>
  );
}
