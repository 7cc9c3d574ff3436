import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Link, OverlayDrawer, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { Dismiss24Regular, Open20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useCustomer } from '../../shell/CustomerContext';
import { notPartner, useCustomers, usePartner, type Customer } from './api';
import { BuyForCustomer } from './BuyForCustomer';
import { RequestPanel } from './RequestPanel';
import { usePanelStyles } from './styles';

/**
 * CustomersPage is Partner → Customers (/partner/customers; admin-center.md
 * §15): the partner's customers, a customer's details with "Open admin
 * center" (acting in the customer, partners.md §4.2), and "Request a
 * reseller relationship" for Admin and Sales agents (partners.md §2.1).
 */
export default function CustomersPage() {
  const { t } = useTranslation('partner');
  const f = useFormat();
  const partner = usePartner().data ?? notPartner;
  const q = useCustomers();
  const [requesting, setRequesting] = useState(false);
  const [open, setOpen] = useState<Customer>();
  const mayRequest = partner.agent.admin || partner.agent.sales;
  return (
    <Page title={t('customers.title')} intro={t('customers.intro')}
      actions={mayRequest && <Button appearance="primary" icon={<PersonAdd20Regular />} onClick={() => setRequesting(true)}>{t('request.button')}</Button>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('customers.empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('customers.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('customers.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('customers.column.domain')}</TableHeaderCell>
              <TableHeaderCell>{t('customers.column.since')}</TableHeaderCell>
              <TableHeaderCell>{t('customers.column.dap')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((c) => (
              <TableRow key={c.tenantId}>
                <TableCell><Link onClick={() => setOpen(c)}>{c.displayName}</Link></TableCell>
                <TableCell>{c.defaultDomainName}</TableCell>
                <TableCell>{c.resellerSince ? f.date(c.resellerSince) : ''}</TableCell>
                <TableCell>{c.delegatedAdmin ? t('yes') : t('no')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && <CustomerPanel customer={open} mayBuy={mayRequest} onClose={() => setOpen(undefined)} />}
      {requesting && <RequestPanel dapEnabled={partner.dapEnabled} onClose={() => setRequesting(false)} />}
    </Page>
  );
}

/** CustomerPanel is a customer's details, the way into its admin center and, for Admin and Sales agents, buying for it. */
function CustomerPanel({ customer: c, mayBuy, onClose }: { customer: Customer; mayBuy: boolean; onClose: () => void }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const f = useFormat();
  const { enter } = useCustomer();
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-label={c.displayName}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {c.displayName}
        </DrawerHeaderTitle>
        <div className={s.actions}>
          <Badge appearance="tint" color="brand">{t('type.reseller')}</Badge>
          {c.delegatedAdmin && <Badge appearance="tint" color="warning">{t('type.dap')}</Badge>}
        </div>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <div className={s.actions}>
          <Button appearance="primary" icon={<Open20Regular />} onClick={() => enter(c.tenantId, c.displayName)}>{t('customers.openAdmin')}</Button>
        </div>
        <Text>{t('customers.openAdminHint')}</Text>
        <dl className={s.facts}>
          <dt className={s.dt}>{t('customers.column.name')}</dt><dd className={s.dd}>{c.displayName}</dd>
          <dt className={s.dt}>{t('customers.column.domain')}</dt><dd className={s.dd}>{c.defaultDomainName}</dd>
          <dt className={s.dt}>{t('customers.tenantId')}</dt><dd className={s.dd}>{c.tenantId}</dd>
          <dt className={s.dt}>{t('customers.column.since')}</dt><dd className={s.dd}>{c.resellerSince ? f.date(c.resellerSince) : ''}</dd>
          <dt className={s.dt}>{t('customers.column.dap')}</dt>
          <dd className={s.dd}>{c.delegatedAdmin ? (c.delegatedAdminSince ? t('sinceDate', { date: f.date(c.delegatedAdminSince) }) : t('yes')) : t('no')}</dd>
        </dl>
        {mayBuy && <BuyForCustomer customer={c} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}
