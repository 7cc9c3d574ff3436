import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Option, Radio, RadioGroup,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleDefinitions } from '../data';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** BulkRolesDialog picks Edit roles' action and role for the selected users (POST /api/bulk/roles). */
export function BulkRolesDialog({ count, busy, onRun, onClose }: {
  count: number; busy: boolean; onRun: (action: 'assign' | 'revoke', roleId: string) => void; onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const roles = useRoleDefinitions();
  const [action, setAction] = useState<'assign' | 'revoke'>('assign');
  const [role, setRole] = useState('');
  const name = roles.data?.find((r) => r.id === role)?.displayName ?? '';
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('bulk.rolesTitle', { count })}</DialogTitle>
          <DialogContent className={s.body}>
            <RadioGroup value={action} onChange={(_, d) => setAction(d.value as 'assign' | 'revoke')} aria-label={t('bulk.rolesAction')}>
              <Radio value="assign" label={t('bulk.assign')} />
              <Radio value="revoke" label={t('bulk.revoke')} />
            </RadioGroup>
            <Field label={t('bulk.role')} required>
              <Dropdown value={name} selectedOptions={role ? [role] : []} onOptionSelect={(_, d) => setRole(d.optionValue ?? '')}>
                {roles.data?.map((r) => <Option key={r.id} value={r.id}>{r.displayName}</Option>)}
              </Dropdown>
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
            <Button appearance="primary" disabled={!role || busy} onClick={() => onRun(action, role)}>{t('bulk.apply')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
