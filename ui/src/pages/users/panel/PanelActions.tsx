import { Toolbar, makeStyles } from '@fluentui/react-components';
import { Delete20Regular, Key20Regular, PersonAvailable20Regular, PersonProhibited20Regular, SignOut20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../api/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { userKeys } from '../data';
import { GuardedButton } from '../Guarded';
import type { User } from '../types';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { useDeleteWithUndo } from './useDeleteWithUndo';

const useStyles = makeStyles({ bar: { flexWrap: 'wrap', paddingLeft: 0 } });

type Ask = 'reset' | 'block' | 'revoke' | 'delete';

/** PanelActions are the details panel's actions: Reset password, Block/Unblock sign-in, Revoke sessions, Delete user. */
export function PanelActions({ user, onDeleted }: { user: User; onDeleted: () => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const me = useSession().data!.userId === user.id;
  const [ask, setAsk] = useState<Ask | null>(null);
  // Each opening of the reset dialog starts from a fresh form (a new key).
  const [resets, setResets] = useState(0);
  const deleteUser = useDeleteWithUndo();
  const name = user.displayName ?? user.userPrincipalName;
  const blocked = user.accountEnabled === false;
  const run = useMutation({
    mutationFn: async (what: Exclude<Ask, 'reset'>) => {
      if (what === 'block') await api.patch(`/v1.0/users/${user.id}`, { accountEnabled: blocked });
      if (what === 'revoke') await api.post(`/v1.0/users/${user.id}/revokeSignInSessions`);
      if (what === 'delete') await deleteUser(user);
      return what;
    },
    onSuccess: (what) => {
      setAsk(null);
      if (what === 'delete') { onDeleted(); return; }
      notify(what === 'revoke' ? t('revoke.done', { name }) : blocked ? t('block.unblocked', { name }) : t('block.blocked', { name }));
      void qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const open = (a: Ask) => {
    run.reset();
    if (a === 'reset') setResets((n) => n + 1);
    setAsk(a);
  };
  const confirm = (what: Exclude<Ask, 'reset'>, title: string, text: string, label: string) => (
    <ConfirmDialog title={title} confirmLabel={label} busy={run.isPending} onConfirm={() => run.mutate(what)} onClose={() => setAsk(null)}>
      {run.error ? <ErrorMessage error={run.error} /> : text}
    </ConfirmDialog>
  );
  return (
    <>
      <Toolbar className={s.bar} aria-label={t('panel.actions')}>
        <GuardedButton perm="passwords.reset" appearance="subtle" icon={<Key20Regular />} onClick={() => open('reset')}
          reason={me ? t('panel.useMyAccount') : undefined}>{t('action.resetPassword')}</GuardedButton>
        <GuardedButton perm="users.write" appearance="subtle" icon={blocked ? <PersonAvailable20Regular /> : <PersonProhibited20Regular />}
          onClick={() => open('block')} reason={me ? t('panel.notYourself') : undefined}>
          {blocked ? t('action.unblock') : t('action.block')}
        </GuardedButton>
        <GuardedButton perm="passwords.reset" appearance="subtle" icon={<SignOut20Regular />} onClick={() => open('revoke')}>{t('action.revoke')}</GuardedButton>
        <GuardedButton perm="users.write" appearance="subtle" icon={<Delete20Regular />} onClick={() => open('delete')}
          reason={me ? t('panel.notYourself') : undefined}>{t('action.deleteOne')}</GuardedButton>
      </Toolbar>
      <ResetPasswordDialog key={resets} user={user} open={ask === 'reset'} onClose={() => setAsk(null)} />
      {ask === 'block' && (blocked
        ? confirm('block', t('block.unblockTitle', { name }), t('block.unblockText'), t('action.unblock'))
        : confirm('block', t('block.blockTitle', { name }), t('block.blockText'), t('action.block')))}
      {ask === 'revoke' && confirm('revoke', t('revoke.title', { name }), t('revoke.text'), t('action.revoke'))}
      {ask === 'delete' && confirm('delete', t('delete.title', { name }), t('delete.text'), t('action.deleteOne'))}
    </>
  );
}
