import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useErrorText } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { UserPicker, type PickedUser } from '../groups/UserPicker';
import { useRoleLabel } from './labels';
import type { MatrixRole } from './matrix';
import { useAssignmentCounts } from './RoleList';
import type { Feedback } from './RoleMembers';
import { sendRoleChange } from './warnings';

const globalAdmin = '62e90394-69f5-4237-9190-012177145e10';

/**
 * AddRoleMembersDialog gives a role to the users picked, one assignment
 * each; the server's refusals (per user) and warnings go back to the page.
 * Before a fifth Global admin it says so (roles-and-permissions.md §7).
 */
export function AddRoleMembersDialog({ role, exclude, onDone, onClose }: {
  role: MatrixRole; exclude: string[]; onDone: (f: Feedback) => void; onClose: () => void;
}) {
  const { t, i18n } = useTranslation('roles');
  const session = useSession().data!;
  const notify = useNotify();
  const errorText = useErrorText();
  const label = useRoleLabel()(role);
  const counts = useAssignmentCounts();
  const [picked, setPicked] = useState<PickedUser[]>([]);
  const fifth = role.templateId === globalAdmin && (counts.data?.get(globalAdmin) ?? 0) + picked.length >= 5;
  const add = useMutation({
    mutationFn: async () => {
      const fb: Feedback = { warnings: [], refused: [] };
      let added = 0;
      for (const u of picked) {
        try {
          const w = await sendRoleChange('POST', '/v1.0/roleManagement/directory/roleAssignments', session.csrfToken, i18n.language,
            { roleDefinitionId: role.templateId, principalId: u.id, directoryScopeId: '/' });
          fb.warnings.push(...w.filter((x) => !fb.warnings.includes(x)));
          added++;
        } catch (e) {
          fb.refused.push({ name: u.displayName ?? u.userPrincipalName, message: errorText(e).message });
        }
      }
      return { fb, added };
    },
    onSuccess: ({ fb, added }) => {
      if (added > 0) notify(t('assigned.added', { count: added, role: label }));
      onDone(fb);
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (picked.length) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{t('assigned.addTitle', { role: label })}</DialogTitle>
            <DialogContent>
              <UserPicker label={t('assigned.add')} selected={picked} onChange={setPicked} exclude={exclude} />
              {fifth && <MessageBar intent="warning" layout="multiline"><MessageBarBody>{t('assigned.fifth')}</MessageBarBody></MessageBar>}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={add.isPending || picked.length === 0}>{t('assigned.addSubmit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
