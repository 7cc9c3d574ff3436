import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DrawerBody, DrawerHeader, DrawerHeaderTitle, Dropdown,
  Field, Input, MessageBar, MessageBarBody, OverlayDrawer, Option, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Dismiss24Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { usePanelStyles } from '../partner/styles';
import {
  assignmentsKey, azureRoles, looksLikeId, ownerRoleId, roleIdOf, roleLabel, type PrincipalType, type ResourceRoleAssignment, type Subscription,
} from './api';

/**
 * AccessControlPanel is a subscription's Access control (IAM): its role
 * assignments, adding one, and removing one after a confirmation that says
 * what removing a partner's foreign-group Owner means (seed 002).
 */
export function AccessControlPanel({ subscription: sub, onClose }: { subscription: Subscription; onClose: () => void }) {
  const { t } = useTranslation('azure');
  const s = usePanelStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const key = assignmentsKey(sub.subscriptionId);
  const base = `/api/azure/subscriptions/${encodeURIComponent(sub.subscriptionId)}/roleAssignments`;
  const q = useQuery({ queryKey: key, queryFn: () => api.get<{ value: ResourceRoleAssignment[] }>(base) });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ResourceRoleAssignment>();
  const roleName = (a: ResourceRoleAssignment) => {
    const l = roleLabel(a.properties.roleDefinitionId);
    return l ? t(l) : roleIdOf(a.properties.roleDefinitionId);
  };
  const remove = useMutation({
    mutationFn: (a: ResourceRoleAssignment) => api.del(`${base}/${encodeURIComponent(a.name)}`),
    onSuccess: () => {
      notify(t('iam.removed'));
      setRemoving(undefined);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const partnerOwner = removing && removing.properties.principalType === 'ForeignGroup' && roleIdOf(removing.properties.roleDefinitionId) === ownerRoleId;
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-label={sub.displayName}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('common:action.close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {sub.displayName}
        </DrawerHeaderTitle>
        <Text size={200}>{sub.subscriptionId}</Text>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <Text as="h3" weight="semibold" size={400}>{t('iam.title')}</Text>
        <Text>{t('iam.intro')}</Text>
        <div className={s.actions}>
          <Button icon={<Add20Regular />} onClick={() => setAdding(true)}>{t('iam.add')}</Button>
        </div>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {q.data && q.data.value.length === 0 && <Empty>{t('iam.empty')}</Empty>}
        {q.data && q.data.value.length > 0 && (
          <Table size="small" aria-label={t('iam.table')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('iam.column.role')}</TableHeaderCell>
                <TableHeaderCell>{t('iam.column.principal')}</TableHeaderCell>
                <TableHeaderCell>{t('iam.column.type')}</TableHeaderCell>
                <TableHeaderCell>{t('iam.column.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.data.value.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{roleName(a)}</TableCell>
                  <TableCell><Principal a={a} partnerTenantId={sub.provisionedByPartnerTenantId} /></TableCell>
                  <TableCell>{t(`principalType.${a.properties.principalType}`, a.properties.principalType)}</TableCell>
                  <TableCell>
                    <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('iam.remove', { role: roleName(a) })}
                      onClick={() => { remove.reset(); setRemoving(a); }} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {adding && <AddAssignmentDialog base={base} onClose={() => setAdding(false)} onDone={() => void qc.invalidateQueries({ queryKey: key })} />}
        {removing && (
          <ConfirmDialog title={t('iam.removeTitle', { role: roleName(removing) })} confirmLabel={t('iam.removeConfirm')}
            busy={remove.isPending} onConfirm={() => remove.mutate(removing)} onClose={() => { setRemoving(undefined); remove.reset(); }}>
            <Text block>{t('iam.removeText')}</Text>
            {partnerOwner && <MessageBar intent="warning"><MessageBarBody>{t('iam.removePartnerText')}</MessageBarBody></MessageBar>}
            {!!remove.error && <ErrorMessage error={remove.error} />}
          </ConfirmDialog>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

interface DirectoryObject { id: string; displayName?: string; userPrincipalName?: string }

/** Principal names an assignment's principal: a user or group by its directory name, a partner's foreign group by what it is, else its id. */
function Principal({ a, partnerTenantId }: { a: ResourceRoleAssignment; partnerTenantId: string | null }) {
  const { t } = useTranslation('azure');
  const { principalId, principalType } = a.properties;
  const foreign = principalType === 'ForeignGroup';
  const q = useQuery({
    queryKey: ['directoryObjects', principalId],
    queryFn: () => api.get<DirectoryObject>(`/v1.0/directoryObjects/${encodeURIComponent(principalId)}`),
    enabled: !foreign, staleTime: 5 * 60_000, retry: false,
  });
  if (foreign) {
    return (
      <>
        <Text block>{t('iam.foreignGroup')}</Text>
        <Text block size={200}>{partnerTenantId ? t('iam.partnerTenant', { id: partnerTenantId }) : principalId}</Text>
      </>
    );
  }
  const o = q.data;
  if (!o) return <Text>{principalId}</Text>;
  return (
    <>
      <Text block>{o.displayName || o.userPrincipalName || principalId}</Text>
      <Text block size={200}>{o.userPrincipalName ?? principalId}</Text>
    </>
  );
}

const principalTypes: PrincipalType[] = ['User', 'Group', 'ForeignGroup'];

function AddAssignmentDialog({ base, onClose, onDone }: { base: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('azure');
  const notify = useNotify();
  const s = usePanelStyles();
  const [role, setRole] = useState<string>(ownerRoleId);
  const [type, setType] = useState<PrincipalType>('User');
  const [who, setWho] = useState('');
  const label = (id: string) => t(azureRoles.find((r) => r.id === id)!.label);
  const add = useMutation({
    mutationFn: async () => {
      let principalId = who.trim();
      if (type === 'User' && !looksLikeId(principalId)) {
        principalId = (await api.get<{ id: string }>(`/v1.0/users/${encodeURIComponent(principalId)}?$select=id`)).id;
      }
      return api.post<ResourceRoleAssignment>(base, { properties: { roleDefinitionId: role, principalId, principalType: type } });
    },
    onSuccess: () => {
      notify(t('iam.added', { role: label(role) }));
      onDone();
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); if (who.trim()) add.mutate(); }}>
          <DialogBody>
            <DialogTitle>{t('iam.addTitle')}</DialogTitle>
            <DialogContent className={s.body}>
              <Field label={t('iam.role')}>
                <Dropdown value={label(role)} selectedOptions={[role]} onOptionSelect={(_, d) => d.optionValue && setRole(d.optionValue)}>
                  {azureRoles.map((r) => <Option key={r.id} value={r.id}>{t(r.label)}</Option>)}
                </Dropdown>
              </Field>
              <Field label={t('iam.principalType')}>
                <RadioGroup value={type} onChange={(_, d) => setType(d.value as PrincipalType)}>
                  {principalTypes.map((p) => <Radio key={p} value={p} label={t(`principalType.${p}`)} />)}
                </RadioGroup>
              </Field>
              <Field label={t(`iam.principal.${type}`)} required>
                <Input value={who} onChange={(_, d) => setWho(d.value)} />
              </Field>
              {!!add.error && <ErrorMessage error={add.error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={!who.trim() || add.isPending}>{t('iam.addSubmit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
