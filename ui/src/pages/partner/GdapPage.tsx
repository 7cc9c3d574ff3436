import {
  Button, Checkbox, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, Field, Input, Label, MessageBar, MessageBarBody, OverlayDrawer,
  Select, SpinButton, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { Add20Regular, Copy20Regular, Dismiss24Regular, LockClosed20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { approvalLink, gdapPath, gdapRoles, globalAdminRole, useCustomers, type GdapRelationship } from './api';
import { usePanelStyles } from './styles';

const key = ['partner', 'gdap'] as const;

/** GdapDraft is the New relationship form. */
export interface GdapDraft {
  customerTenantId: string;
  displayName: string;
  days: number;
  roles: string[];
  autoExtend: boolean;
}

export const maxName = 50;
export const maxDays = 730;

/** draftProblem is the first thing wrong with a draft (a key of the partner catalog), or undefined when it can be created. */
export function draftProblem(d: GdapDraft): string | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(d.customerTenantId.trim())) return 'gdap.problem.customer';
  if (d.displayName.trim() === '') return 'gdap.problem.name';
  if (d.displayName.trim().length > maxName) return 'gdap.problem.nameLength';
  if (!Number.isInteger(d.days) || d.days < 1 || d.days > maxDays) return 'gdap.problem.duration';
  if (d.roles.length === 0) return 'gdap.problem.roles';
  return undefined;
}

/** relationshipBody is the POST body of a draft (Graph's delegatedAdminRelationship; partners.md §5.2). */
export function relationshipBody(d: GdapDraft) {
  const ga = d.roles.includes(globalAdminRole);
  return {
    displayName: d.displayName.trim(),
    duration: `P${d.days}D`,
    customer: { tenantId: d.customerTenantId.trim() },
    accessDetails: { unifiedRoles: d.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    autoExtendDuration: d.autoExtend && !ga ? 'P180D' : 'PT0S',
  };
}

/**
 * GdapPage is Partner → GDAP relationships (/partner/relationships; Admin
 * agents; admin-center.md §15, partners.md §5): the partner's granular
 * delegated admin relationships across customers, a New relationship
 * form, and Lock for approval with the approval link for the customer.
 */
export default function GdapPage() {
  const { t } = useTranslation('partner');
  const f = useFormat();
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Collection<GdapRelationship>>(gdapPath, { tenant: false }) });
  const [creating, setCreating] = useState(false);
  const [linkOf, setLinkOf] = useState<GdapRelationship>();
  const [ending, setEnding] = useState<GdapRelationship>();
  const qc = useQueryClient();
  const notify = useNotify();
  const terminate = useMutation({
    mutationFn: (id: string) => api.post(`${gdapPath}/${encodeURIComponent(id)}/requests`, { action: 'terminate' }, { tenant: false }),
    onSuccess: () => {
      notify(t('gdap.terminating'));
      setEnding(undefined);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Page title={t('gdap.title')} intro={t('gdap.intro')}
      actions={<Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreating(true)}>{t('gdap.new')}</Button>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('gdap.empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('gdap.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('gdap.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('gdap.column.customer')}</TableHeaderCell>
              <TableHeaderCell>{t('gdap.column.roles')}</TableHeaderCell>
              <TableHeaderCell>{t('gdap.column.status')}</TableHeaderCell>
              <TableHeaderCell>{t('gdap.column.end')}</TableHeaderCell>
              <TableHeaderCell>{t('gdap.column.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.displayName}</TableCell>
                <TableCell>{r.customer?.displayName || r.customer?.tenantId || ''}</TableCell>
                <TableCell>{r.accessDetails.unifiedRoles.length}</TableCell>
                <TableCell>{t(`status.${r.status}`, r.status)}</TableCell>
                <TableCell>{r.endDateTime ? f.date(r.endDateTime) : ''}</TableCell>
                <TableCell>
                  {(r.status === 'created' || r.status === 'approvalPending') && (
                    <Button size="small" onClick={() => setLinkOf(r)}>{r.status === 'created' ? t('gdap.lock') : t('gdap.showLink')}</Button>
                  )}
                  {r.status === 'active' && <Button size="small" onClick={() => setEnding(r)}>{t('gdap.terminate')}</Button>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && <NewRelationship onClose={() => setCreating(false)} />}
      {linkOf && <LockPanel relationship={linkOf} onClose={() => setLinkOf(undefined)} />}
      {ending && (
        <ConfirmDialog title={t('gdap.terminateTitle', { name: ending.displayName })} confirmLabel={t('gdap.terminate')}
          busy={terminate.isPending} onConfirm={() => terminate.mutate(ending.id)} onClose={() => { setEnding(undefined); terminate.reset(); }}>
          <Text block>{t('gdap.terminateText', { customer: ending.customer?.displayName || ending.customer?.tenantId || '' })}</Text>
          {!!terminate.error && <ErrorMessage error={terminate.error} />}
        </ConfirmDialog>
      )}
    </Page>
  );
}

function NewRelationship({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const qc = useQueryClient();
  const customers = useCustomers();
  const [d, setD] = useState<GdapDraft>({ customerTenantId: '', displayName: '', days: maxDays, roles: [], autoExtend: false });
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<GdapRelationship>();
  const rolesLabel = useId();
  const create = useMutation({
    mutationFn: () => api.post<GdapRelationship>(gdapPath, relationshipBody(d), { tenant: false }),
    onSuccess: (r) => {
      setCreated(r);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  if (created) return <LockPanel relationship={created} fresh onClose={onClose} />;
  const problem = draftProblem(d);
  const ga = d.roles.includes(globalAdminRole);
  const toggleRole = (id: string, on: boolean) => setD({ ...d, roles: on ? [...d.roles, id] : d.roles.filter((r) => r !== id) });
  const submit = () => {
    setTried(true);
    if (!problem) create.mutate();
  };
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, x) => !x.open && onClose()} aria-label={t('gdap.new')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {t('gdap.new')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {!!customers.data?.value.length && (
          <Field label={t('gdap.pickCustomer')}>
            <Select value={d.customerTenantId} onChange={(_, x) => setD({ ...d, customerTenantId: x.value })}>
              <option value="">{t('gdap.otherCustomer')}</option>
              {customers.data.value.map((c) => <option key={c.tenantId} value={c.tenantId}>{c.displayName}</option>)}
            </Select>
          </Field>
        )}
        <Field label={t('gdap.customerId')} required hint={t('gdap.customerIdHint')}
          validationMessage={tried && problem === 'gdap.problem.customer' ? t(problem) : undefined}>
          <Input value={d.customerTenantId} onChange={(_, x) => setD({ ...d, customerTenantId: x.value })} />
        </Field>
        <Field label={t('gdap.name')} required hint={t('gdap.nameHint', { count: maxName })}
          validationMessage={tried && (problem === 'gdap.problem.name' || problem === 'gdap.problem.nameLength') ? t(problem, { count: maxName }) : undefined}>
          <Input value={d.displayName} maxLength={maxName} onChange={(_, x) => setD({ ...d, displayName: x.value })} />
        </Field>
        <Field label={t('gdap.durationDays')} hint={t('gdap.durationHint', { max: maxDays })}
          validationMessage={tried && problem === 'gdap.problem.duration' ? t(problem, { max: maxDays }) : undefined}>
          <SpinButton value={d.days} min={1} max={maxDays}
            onChange={(_, x) => setD({ ...d, days: x.value ?? Number(x.displayValue) })} />
        </Field>
        <div role="group" aria-labelledby={rolesLabel} className={s.section}>
          <Label id={rolesLabel} required>{t('gdap.roles')}</Label>
          <div className={s.roles}>
            {gdapRoles.map((r) => (
              <Checkbox key={r.id} label={r.name} checked={d.roles.includes(r.id)} onChange={(_, x) => toggleRole(r.id, !!x.checked)} />
            ))}
          </div>
          {tried && problem === 'gdap.problem.roles' && <Text role="alert" className={s.error}>{t(problem)}</Text>}
        </div>
        <Field hint={ga ? t('gdap.autoExtendGa') : t('gdap.autoExtendHint')}>
          <Switch label={t('gdap.autoExtend')} checked={d.autoExtend && !ga} disabled={ga} onChange={(_, x) => setD({ ...d, autoExtend: x.checked })} />
        </Field>
        {!!create.error && <ErrorMessage error={create.error} />}
      </DrawerBody>
      <DrawerFooter>
        <Button appearance="primary" disabled={create.isPending} onClick={submit}>{t('gdap.create')}</Button>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}

/** LockPanel locks a created relationship for the customer's approval and shows the approval link to send. */
function LockPanel({ relationship: r, fresh, onClose }: { relationship: GdapRelationship; fresh?: boolean; onClose: () => void }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const lock = useMutation({
    mutationFn: () => api.post(`${gdapPath}/${encodeURIComponent(r.id)}/requests`, { action: 'lockForApproval' }, { tenant: false }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const locked = r.status === 'approvalPending' || lock.isSuccess;
  const link = approvalLink(window.location.origin, r.id);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      notify(t('gdap.copied'));
    } catch {
      notify(t('request.copyFailed'), 'error');
    }
  };
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, x) => !x.open && onClose()} aria-label={r.displayName}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {r.displayName}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {!locked && (
          <>
            {fresh && <MessageBar intent="success"><MessageBarBody>{t('gdap.created', { name: r.displayName })}</MessageBarBody></MessageBar>}
            <Text>{t('gdap.lockIntro')}</Text>
            {!!lock.error && <ErrorMessage error={lock.error} />}
            <div className={s.actions}>
              <Button appearance="primary" icon={<LockClosed20Regular />} disabled={lock.isPending} onClick={() => lock.mutate()}>{t('gdap.lock')}</Button>
            </div>
          </>
        )}
        {locked && (
          <>
            <Text>{t('gdap.linkIntro')}</Text>
            <Field label={t('gdap.link')}>
              <Input readOnly value={link} />
            </Field>
            <div className={s.actions}>
              <Button icon={<Copy20Regular />} onClick={() => void copy()}>{t('gdap.copyLink')}</Button>
            </div>
          </>
        )}
      </DrawerBody>
      <DrawerFooter>
        <Button onClick={onClose}>{t('close')}</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
