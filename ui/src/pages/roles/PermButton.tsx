import { Button, Tooltip, type ButtonProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { useRoleLabel } from './labels';
import { permKey, rolesWith, useMatrix } from './matrix';

/** useMissing explains a missing permission: its name and the roles that carry it; undefined when the user holds it. */
export function useMissing(perm: string): string | undefined {
  const { t } = useTranslation('roles');
  const session = useSession().data;
  const matrix = useMatrix();
  const roleLabel = useRoleLabel();
  if (can(session, perm)) return undefined;
  const roles = rolesWith(matrix.data, perm).map(roleLabel).join(', ');
  const name = t(`perm.${permKey(perm)}`);
  return roles ? t('missing.withRoles', { perm: name, roles }) : t('missing.plain', { perm: name });
}

/**
 * PermButton is a button for an action that needs a permission. Without
 * it the button stays visible but disabled (still focusable), with a
 * tooltip naming the permission and the roles that carry it.
 */
export function PermButton({ perm, ...props }: ButtonProps & { perm: string }) {
  const missing = useMissing(perm);
  if (!missing) return <Button {...props} />;
  return (
    <Tooltip content={missing} relationship="description">
      <Button {...props} disabledFocusable onClick={undefined} />
    </Tooltip>
  );
}
