import { Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { globalAdminTemplate, type RoleDefinition } from '../types';
import { useStepStyles, type StepProps } from './BasicsStep';
import { profileFields } from './model';

/** adminRolesFirst orders the roles for picking: Global Administrator first, then by name. */
export const adminRolesFirst = (roles: RoleDefinition[]) =>
  [...roles].sort((a, b) => Number(b.templateId === globalAdminTemplate) - Number(a.templateId === globalAdminTemplate) || a.displayName.localeCompare(b.displayName));

/** OptionalStep takes admin roles (only for admins who may delegate them) and the profile info. */
export function OptionalStep({ draft, patch, error, roles }: StepProps & { roles: RoleDefinition[] | null }) {
  const { t } = useTranslation('adduser');
  const s = useStepStyles();
  const [admin, setAdmin] = useState(draft.roles.length > 0);
  const toggle = (id: string, on: boolean) => patch({ roles: on ? [...draft.roles, id] : draft.roles.filter((r) => r !== id) });
  return (
    <div className={s.col}>
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {roles && (
        <>
          <Text as="h4" weight="semibold">{t('optional.roles')}</Text>
          <RadioGroup value={admin ? 'admin' : 'user'} aria-label={t('optional.roles')}
            onChange={(_, d) => { setAdmin(d.value === 'admin'); if (d.value === 'user') patch({ roles: [] }); }}>
            <Radio value="user" label={t('optional.userRole')} />
            <Radio value="admin" label={t('optional.adminRole')} />
          </RadioGroup>
          {admin && (
            <div className={s.indent} role="group" aria-label={t('optional.rolesLabel')}>
              {adminRolesFirst(roles).map((r) => (
                <Checkbox key={r.templateId} label={r.displayName} checked={draft.roles.includes(r.templateId)}
                  onChange={(_, d) => toggle(r.templateId, !!d.checked)} />
              ))}
            </div>
          )}
        </>
      )}
      <Text as="h4" weight="semibold">{t('optional.profile')}</Text>
      <div className={s.row}>
        {profileFields.map((k) => (
          <Field key={k} label={t(`optional.${k}`)}>
            <Input value={draft.profile[k]} onChange={(_, d) => patch({ profile: { ...draft.profile, [k]: d.value } })} />
          </Field>
        ))}
      </div>
    </div>
  );
}
