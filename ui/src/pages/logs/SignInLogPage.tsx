import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Dropdown, Field, Link, Option, OverlayDrawer, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, makeStyles,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { usePaged } from '../groups/paging';
import { Facts } from './AuditDetail';
import { downloadCsv, toCsv } from './csv';
import { emptySignIn, listPath, signInFilter, type SignInFilter } from './filters';
import { DateRangeFields, FilterForm, ResultBar, TextFilter } from './LogParts';
import type { SignIn } from './types';

const useStyles = makeStyles({ field: { minWidth: '180px' }, table: { '& td': { overflowWrap: 'anywhere' } } });

/** SignInLogPage is Reports → Sign-in log: filters, sign-ins newest first with Load more, a detail flyout and CSV export. */
export default function SignInLogPage() {
  const { t } = useTranslation('logs');
  const s = useStyles();
  const f = useFormat();
  const [draft, setDraft] = useState<SignInFilter>(emptySignIn);
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<SignIn>();
  const q = usePaged<SignIn>(['signins', filter], listPath('/v1.0/auditLogs/signIns', filter, 'createdDateTime'));
  const status = (e: SignIn) => (e.status.errorCode === 0 ? t('status.success') : t('status.failure'));
  const exportCsv = () => downloadCsv('sign-in-log.csv', toCsv(
    [t('column.date'), t('column.user'), t('column.userName'), t('column.app'), t('column.ip'), t('column.status'), t('column.errorCode'), t('column.reason')],
    q.items.map((e) => [e.createdDateTime, e.userDisplayName, e.userPrincipalName, e.appDisplayName, e.ipAddress, status(e), e.status.errorCode, e.status.failureReason]),
  ));
  const statusOptions = { '': t('all'), success: t('status.success'), failure: t('status.failure') };
  return (
    <Page title={t('signins.title')} intro={t('signins.intro')}>
      <FilterForm label={t('filters')} onApply={() => setFilter(signInFilter(draft))} onClear={() => { setDraft(emptySignIn); setFilter(''); }}>
        <DateRangeFields value={draft} onChange={setDraft} />
        <TextFilter label={t('column.userName')} hint={t('startsWith')} value={draft.user} onChange={(user) => setDraft({ ...draft, user })} />
        <TextFilter label={t('column.app')} hint={t('exact')} value={draft.app} onChange={(app) => setDraft({ ...draft, app })} />
        <Field label={t('column.status')} className={s.field}>
          <Dropdown value={statusOptions[draft.status]} selectedOptions={[draft.status]}
            onOptionSelect={(_, d) => setDraft({ ...draft, status: (d.optionValue ?? '') as SignInFilter['status'] })}>
            {Object.entries(statusOptions).map(([v, label]) => <Option key={v} value={v}>{label}</Option>)}
          </Dropdown>
        </Field>
      </FilterForm>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{filter ? t('noMatch') : t('signins.empty')}</Empty>}
      {q.items.length > 0 && (
        <>
          <ResultBar loaded={q.items.length} more={!!q.hasNextPage} onExport={exportCsv} />
          <Table aria-label={t('signins.title')} size="small" className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('column.date')}</TableHeaderCell>
                <TableHeaderCell>{t('column.userName')}</TableHeaderCell>
                <TableHeaderCell>{t('column.app')}</TableHeaderCell>
                <TableHeaderCell>{t('column.ip')}</TableHeaderCell>
                <TableHeaderCell>{t('column.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    <Link as="button" onClick={() => setOpen(e)}
                      aria-label={t('signins.openDetail', { user: e.userPrincipalName, date: f.dateTime(e.createdDateTime) })}>
                      {f.dateTime(e.createdDateTime)}
                    </Link>
                  </TableCell>
                  <TableCell>{e.userPrincipalName}</TableCell>
                  <TableCell>{e.appDisplayName}</TableCell>
                  <TableCell>{e.ipAddress}</TableCell>
                  <TableCell><Badge appearance="tint" color={e.status.errorCode === 0 ? 'success' : 'danger'}>{status(e)}</Badge></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {q.hasNextPage && <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('more')}</Button></div>}
        </>
      )}
      {open && (
        <OverlayDrawer open position="end" onOpenChange={(_, d) => !d.open && setOpen(undefined)} aria-label={t('signins.detail')}>
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={() => setOpen(undefined)} />}>
              {t('signins.detail')}
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>
            <Facts rows={[
              [t('column.date'), f.dateTime(open.createdDateTime)], [t('column.user'), open.userDisplayName], [t('column.userName'), open.userPrincipalName],
              [t('column.app'), open.appDisplayName], [t('column.ip'), open.ipAddress], [t('column.status'), status(open)],
              [t('column.errorCode'), open.status.errorCode ? String(open.status.errorCode) : undefined], [t('column.reason'), open.status.failureReason],
              [t('detail.id'), open.id],
            ]} />
          </DrawerBody>
        </OverlayDrawer>
      )}
    </Page>
  );
}
