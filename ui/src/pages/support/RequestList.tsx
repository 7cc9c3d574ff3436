import {
  Badge, Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { usePaged } from '../groups/paging';
import { requestsPath, severities, severityColor, statusColor, statuses, type RequestFilter, type SupportRequest } from './model';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filter: { minWidth: '200px' },
  table: { '& td': { overflowWrap: 'anywhere' } },
  id: { whiteSpace: 'nowrap' },
});

/** RequestList lists the organization's service requests, newest first, filtered by status and severity, 25 at a time. */
export function RequestList() {
  const { t } = useTranslation('support');
  const s = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<RequestFilter>({ status: '', severity: '' });
  const q = usePaged<SupportRequest>(['support', 'list', filter], requestsPath(filter));
  const filtered = filter.status !== '' || filter.severity !== '';
  return (
    <Page title={t('list.title')} intro={t('list.intro')}
      actions={<Button appearance="primary" icon={<Add20Regular />} onClick={() => navigate('/admin/support/new')}>{t('list.new')}</Button>}>
      <div role="search" aria-label={t('list.filters')} className={s.bar}>
        <Field label={t('field.status')} className={s.filter}>
          <Select value={filter.status} onChange={(_, d) => setFilter({ ...filter, status: d.value })}>
            <option value="">{t('list.any')}</option>
            {statuses.map((x) => <option key={x} value={x}>{t(`status.${x}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('field.severity')} className={s.filter}>
          <Select value={filter.severity} onChange={(_, d) => setFilter({ ...filter, severity: d.value })}>
            <option value="">{t('list.any')}</option>
            {severities.map((x) => <option key={x} value={x}>{t(`severity.${x}`)}</option>)}
          </Select>
        </Field>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{filtered ? t('list.noMatch') : t('list.empty')}</Empty>}
      {q.items.length > 0 && (
        <>
          <Table aria-label={t('list.title')} className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('field.id')}</TableHeaderCell>
                <TableHeaderCell>{t('field.title')}</TableHeaderCell>
                <TableHeaderCell>{t('field.status')}</TableHeaderCell>
                <TableHeaderCell>{t('field.severity')}</TableHeaderCell>
                <TableHeaderCell>{t('field.created')}</TableHeaderCell>
                <TableHeaderCell>{t('field.updated')}</TableHeaderCell>
                <TableHeaderCell>{t('field.createdBy')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className={s.id}>{r.id}</TableCell>
                  <TableCell><RouterLink to={`/admin/support/requests/${encodeURIComponent(r.id)}`}>{r.title}</RouterLink></TableCell>
                  <TableCell><Badge appearance="tint" color={statusColor(r.status)}>{t(`status.${r.status}`, r.status)}</Badge></TableCell>
                  <TableCell><Badge appearance="outline" color={severityColor(r.severity)}>{t(`severity.${r.severity}`, r.severity)}</Badge></TableCell>
                  <TableCell>{f.dateTime(r.createdDateTime)}</TableCell>
                  <TableCell>{f.dateTime(r.lastModifiedDateTime)}</TableCell>
                  <TableCell>{r.createdBy?.userPrincipalName ?? r.createdBy?.displayName ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {q.hasNextPage && (
            <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('list.more')}</Button></div>
          )}
        </>
      )}
    </Page>
  );
}
