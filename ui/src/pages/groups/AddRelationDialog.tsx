import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useErrorText } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { directoryObject } from './AddGroupWizard';
import type { Group } from './model';
import { UserPicker, type PickedUser } from './UserPicker';

/** Refusal is one user the server would not add, with its reason. */
export interface Refusal {
  name: string;
  message: string;
}

/** AddRelationDialog adds the picked users as members or owners, one reference each, and reports the ones refused. */
export function AddRelationDialog({ group, rel, exclude, onDone, onClose }: {
  group: Group; rel: 'members' | 'owners'; exclude: string[]; onDone: (refused: Refusal[]) => void; onClose: () => void;
}) {
  const { t } = useTranslation('groups');
  const notify = useNotify();
  const errorText = useErrorText();
  const [picked, setPicked] = useState<PickedUser[]>([]);
  const add = useMutation({
    mutationFn: async () => {
      const refused: Refusal[] = [];
      let added = 0;
      for (const u of picked) {
        try {
          await api.post(`/v1.0/groups/${group.id}/${rel}/$ref`, { '@odata.id': directoryObject(u.id) });
          added++;
        } catch (e) {
          refused.push({ name: u.displayName ?? u.userPrincipalName, message: errorText(e).message });
        }
      }
      return { refused, added };
    },
    onSuccess: ({ refused, added }) => {
      if (added > 0) notify(t('rel.added', { count: added, group: group.displayName }));
      onDone(refused);
    },
  });
  const title = rel === 'members' ? t('rel.addMembersTitle', { group: group.displayName }) : t('rel.addOwnersTitle', { group: group.displayName });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (picked.length) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              <UserPicker label={rel === 'members' ? t('rel.addMembers') : t('rel.addOwners')} selected={picked} onChange={setPicked} exclude={exclude} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={add.isPending || picked.length === 0}>{t('rel.add')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
