import { Button, Tooltip, type ButtonProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { usePermissionRoles } from './data';

/** useNeeds explains a missing permission: which one, and the roles that carry it; '' when the session holds it. */
export function useNeeds() {
  const { t } = useTranslation('users');
  const session = useSession().data;
  const rolesOf = usePermissionRoles();
  return (perm: string) => (can(session, perm) ? '' : t('needs', { perm, roles: rolesOf(perm).join(', ') || '—' }));
}

/**
 * GuardedButton is an action button that is disabled, with a tooltip
 * naming the missing permission and its roles, when the signed-in admin
 * may not perform it (admin-center.md §1). `reason` disables it for
 * another reason, with that tooltip.
 */
export function GuardedButton({ perm, reason, ...props }: ButtonProps & { perm: string; reason?: string }) {
  const needs = useNeeds()(perm);
  const why = needs || reason;
  if (!why) return <Button {...props} />;
  return (
    <Tooltip content={why} relationship="description">
      <Button {...props} disabledFocusable onClick={undefined} />
    </Tooltip>
  );
}
