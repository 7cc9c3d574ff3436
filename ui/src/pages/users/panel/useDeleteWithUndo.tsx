import { Link, Toast, ToastTitle, ToastTrigger, useToastController } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useNotify } from '../../../components/useNotify';
import { toasterId } from '../../../shell/AppShell';
import { userKeys } from '../data';
import type { User } from '../types';

/**
 * useDeleteWithUndo deletes a user (DELETE /v1.0/users/{id}) and offers
 * Undo in the toast, which restores them from deleted items (POST
 * /v1.0/directory/deletedItems/{id}/restore).
 */
export function useDeleteWithUndo() {
  const { t } = useTranslation('users');
  const qc = useQueryClient();
  const notify = useNotify();
  const { dispatchToast } = useToastController(toasterId);
  const refresh = () => void qc.invalidateQueries({ queryKey: userKeys.all });
  const undo = async (u: User) => {
    try {
      await api.post(`/v1.0/directory/deletedItems/${u.id}/restore`);
      notify(t('delete.restored', { name: u.displayName }));
    } catch (e) {
      notify(t('delete.restoreFailed', { message: e instanceof Error ? e.message : String(e) }), 'error');
    }
    refresh();
  };
  return async (u: User) => {
    await api.del(`/v1.0/users/${u.id}`);
    refresh();
    dispatchToast(
      <Toast>
        <ToastTitle action={<ToastTrigger><Link onClick={() => void undo(u)}>{t('delete.undo')}</Link></ToastTrigger>}>
          {t('delete.done', { name: u.displayName })}
        </ToastTitle>
      </Toast>,
      { intent: 'success', timeout: 10_000 },
    );
  };
}
