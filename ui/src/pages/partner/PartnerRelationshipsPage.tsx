import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Link, MessageBar, MessageBarBody, OverlayDrawer, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, Tooltip,
} from '@fluentui/react-components';
import { Delete20Regular, Dismiss24Regular, PersonDelete20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { activeGdap, approvalRoleName, type GdapApproval, type PartnerRelationship } from './api';
import { usePanelStyles } from './styles';

const key = ['partnerRelationships'] as const;

/**
 * PartnerRelationshipsPage is Settings → Partner relationships (Global
 * admin; partners.md §3.3): the organization's partners with their
 * relationship types, and a partner's details, where delegated admin (DAP)
 * can be removed and GDAP relationships followed. The reseller relationship
 * itself only the partner can end.
 */
export default function PartnerRelationshipsPage() {
  const { t } = useTranslation('partner');
  const f = useFormat();
  const q = useQuery({ queryKey: key, queryFn: () => api.get<{ value: PartnerRelationship[] }>('/api/partnerRelationships') });
  const [openId, setOpenId] = useState<string>();
  const open = q.data?.value.find((p) => p.partnerTenantId === openId);
  return (
    <Page title={t('relationships.title')} intro={t('relationships.intro')}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('relationships.empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('relationships.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('relationships.column.partner')}</TableHeaderCell>
              <TableHeaderCell>{t('relationships.column.types')}</TableHeaderCell>
              <TableHeaderCell>{t('relationships.column.since')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((p) => (
              <TableRow key={p.partnerTenantId}>
                <TableCell><Link onClick={() => setOpenId(p.partnerTenantId)}>{p.displayName}</Link></TableCell>
                <TableCell><Types p={p} /></TableCell>
                <TableCell>{p.resellerSince ? f.date(p.resellerSince) : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && <PartnerPanel partner={open} onClose={() => setOpenId(undefined)} />}
    </Page>
  );
}

/** Types lists a partner's relationship types: Reseller, Delegated admin (DAP), GDAP with the count of active relationships. */
function Types({ p }: { p: PartnerRelationship }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const gdap = (p.gdap ?? []).filter(activeGdap).length;
  return (
    <div className={s.actions}>
      {p.reseller && <Badge appearance="tint" color="brand">{t('type.reseller')}</Badge>}
      {p.delegatedAdmin && <Badge appearance="tint" color="warning">{t('type.dap')}</Badge>}
      {gdap > 0 && <Badge appearance="tint" color="informative">{t('type.gdap', { count: gdap })}</Badge>}
    </div>
  );
}

function PartnerPanel({ partner: p, onClose }: { partner: PartnerRelationship; onClose: () => void }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const [removing, setRemoving] = useState(false);
  const [terminating, setTerminating] = useState<GdapApproval>();
  const remove = useMutation({
    mutationFn: () => api.del(`/api/partnerRelationships/${encodeURIComponent(p.partnerTenantId)}/delegatedAdmin`),
    onSuccess: () => {
      notify(t('relationships.dapRemoved', { partner: p.displayName }));
      setRemoving(false);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const terminate = useMutation({
    mutationFn: (id: string) => api.post(`/api/partnerRelationships/gdap/${encodeURIComponent(id)}/terminate`),
    onSuccess: () => {
      notify(t('relationships.gdapTerminated'));
      setTerminating(undefined);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-label={p.displayName}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {p.displayName}
        </DrawerHeaderTitle>
        <Types p={p} />
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <div className={s.actions}>
          <Tooltip content={t('relationships.deleteDisabled')} relationship="description">
            <Button icon={<Delete20Regular />} disabledFocusable>{t('relationships.delete')}</Button>
          </Tooltip>
        </div>
        <section className={s.section}>
          <Text as="h3" weight="semibold">{t('relationships.contact')}</Text>
          <dl className={s.facts}>
            <dt className={s.dt}>{t('contact.email')}</dt>
            <dd className={s.dd}>{p.contactEmail ? <Link href={`mailto:${p.contactEmail}`}>{p.contactEmail}</Link> : '—'}</dd>
            <dt className={s.dt}>{t('contact.phone')}</dt><dd className={s.dd}>{p.contactPhone || '—'}</dd>
            {p.website && <><dt className={s.dt}>{t('contact.website')}</dt><dd className={s.dd}>{p.website}</dd></>}
            <dt className={s.dt}>{t('relationships.resellerSince')}</dt><dd className={s.dd}>{p.resellerSince ? f.date(p.resellerSince) : ''}</dd>
          </dl>
        </section>
        <section className={s.section}>
          <Text as="h3" weight="semibold">{t('type.dap')}</Text>
          {p.delegatedAdmin ? (
            <>
              <Text>{t('relationships.dapText', { partner: p.displayName })}</Text>
              {p.delegatedAdminSince && <Text>{t('sinceDate', { date: f.date(p.delegatedAdminSince) })}</Text>}
              <div className={s.actions}>
                <Button icon={<PersonDelete20Regular />} onClick={() => setRemoving(true)}>{t('relationships.removeDap')}</Button>
              </div>
            </>
          ) : <Text>{t('relationships.noDap', { partner: p.displayName })}</Text>}
          <Text size={200}>{t('relationships.azureNote')}</Text>
        </section>
        {p.gdap && (
          <section className={s.section}>
            <Text as="h3" weight="semibold">{t('type.gdapTitle')}</Text>
            {p.gdap.length === 0 && <Text>{t('relationships.noGdap')}</Text>}
            {p.gdap.map((r) => (
              <div key={r.id} className={s.section}>
                <Text weight="semibold">{r.displayName}</Text>
                <Text size={200}>
                  {t(`status.${r.status}`, r.status)}
                  {r.endDateTime ? ` · ${t('relationships.ends', { date: f.date(r.endDateTime) })}` : ''}
                </Text>
                <Text size={200}>{r.roles.map(approvalRoleName).join(', ')}</Text>
                <div className={s.actions}>
                  {r.status === 'approvalPending' && (
                    <RouterLink to={`/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(r.id)}`}>
                      {t('relationships.review')}
                    </RouterLink>
                  )}
                  {r.status === 'active' && <Button size="small" onClick={() => setTerminating(r)}>{t('relationships.terminate')}</Button>}
                </div>
              </div>
            ))}
          </section>
        )}
        {removing && (
          <ConfirmDialog title={t('relationships.removeTitle', { partner: p.displayName })} confirmLabel={t('relationships.remove')}
            busy={remove.isPending} onConfirm={() => remove.mutate()} onClose={() => { setRemoving(false); remove.reset(); }}>
            <Text block>{t('relationships.removeText', { partner: p.displayName })}</Text>
            <MessageBar intent="info"><MessageBarBody>{t('relationships.azureNote')}</MessageBarBody></MessageBar>
            {!!remove.error && <ErrorMessage error={remove.error} />}
          </ConfirmDialog>
        )}
        {terminating && (
          <ConfirmDialog title={t('relationships.terminateTitle', { name: terminating.displayName })} confirmLabel={t('relationships.terminate')}
            busy={terminate.isPending} onConfirm={() => terminate.mutate(terminating.id)} onClose={() => { setTerminating(undefined); terminate.reset(); }}>
            <Text block>{t('relationships.terminateText', { partner: p.displayName })}</Text>
            {!!terminate.error && <ErrorMessage error={terminate.error} />}
          </ConfirmDialog>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
