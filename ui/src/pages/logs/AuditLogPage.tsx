import {
  Button, Dropdown, Field, Link, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { usePaged } from '../groups/paging';
import { AuditDetail } from './AuditDetail';
import { downloadCsv, toCsv } from './csv';
import { auditFilter, emptyAudit, listPath, type AuditFilter } from './filters';
import { DateRangeFields, FilterForm, ResultBar, TextFilter } from './LogParts';
import { categories, initiator, type DirectoryAudit } from './types';

const useStyles = makeStyles({ field: { minWidth: '180px' }, table: { '& td': { overflowWrap: 'anywhere' } } });

/** AuditLogPage is Reports → Audit log: filters, the events newest first with Load more, a detail flyout and CSV export of what's loaded. */
export default function AuditLogPage() {
  const { t } = useTranslation('logs');
  const s = useStyles();
  const f = useFormat();
  const [draft, setDraft] = useState<AuditFilter>(emptyAudit);
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<DirectoryAudit>();
  const q = usePaged<DirectoryAudit>(['audit', filter], listPath('/v1.0/auditLogs/directoryAudits', filter, 'activityDateTime'));
  const category = (c: string) => ((categories as readonly string[]).includes(c) ? t(`category.${c}`) : c);
  const result = (r: string) => (r === 'success' || r === 'failure' ? t(`result.${r}`) : r);
  const targets = (e: DirectoryAudit) => e.targetResources.map((r) => r.userPrincipalName || r.displayName).join('; ');
  const exportCsv = () => downloadCsv('audit-log.csv', toCsv(
    [t('column.date'), t('column.activity'), t('column.category'), t('column.result'), t('column.initiatedBy'), t('column.targets'), t('column.correlationId')],
    q.items.map((e) => [e.activityDateTime, e.activityDisplayName, e.category, e.result, initiator(e), targets(e), e.correlationId]),
  ));
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <FilterForm label={t('filters')} onApply={() => setFilter(auditFilter(draft))} onClear={() => { setDraft(emptyAudit); setFilter(''); }}>
        <DateRangeFields value={draft} onChange={setDraft} />
        <TextFilter label={t('audit.activity')} hint={t('startsWith')} value={draft.activity} onChange={(activity) => setDraft({ ...draft, activity })} />
        <TextFilter label={t('audit.initiatedBy')} hint={t('startsWith')} value={draft.initiatedBy} onChange={(initiatedBy) => setDraft({ ...draft, initiatedBy })} />
        <Field label={t('column.category')} className={s.field}>
          <Dropdown value={draft.category ? category(draft.category) : t('all')} selectedOptions={[draft.category]}
            onOptionSelect={(_, d) => setDraft({ ...draft, category: d.optionValue ?? '' })}>
            <Option value="">{t('all')}</Option>
            {categories.map((c) => <Option key={c} value={c}>{category(c)}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('column.result')} className={s.field}>
          <Dropdown value={draft.result ? result(draft.result) : t('all')} selectedOptions={[draft.result]}
            onOptionSelect={(_, d) => setDraft({ ...draft, result: d.optionValue ?? '' })}>
            <Option value="">{t('all')}</Option>
            <Option value="success">{t('result.success')}</Option>
            <Option value="failure">{t('result.failure')}</Option>
          </Dropdown>
        </Field>
      </FilterForm>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{filter ? t('noMatch') : t('audit.empty')}</Empty>}
      {q.items.length > 0 && (
        <>
          <ResultBar loaded={q.items.length} more={!!q.hasNextPage} onExport={exportCsv} />
          <Table aria-label={t('audit.title')} size="small" className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('column.date')}</TableHeaderCell>
                <TableHeaderCell>{t('column.activity')}</TableHeaderCell>
                <TableHeaderCell>{t('column.category')}</TableHeaderCell>
                <TableHeaderCell>{t('column.result')}</TableHeaderCell>
                <TableHeaderCell>{t('column.initiatedBy')}</TableHeaderCell>
                <TableHeaderCell>{t('column.targets')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{f.dateTime(e.activityDateTime)}</TableCell>
                  <TableCell>
                    <Link as="button" onClick={() => setOpen(e)}
                      aria-label={t('audit.openDetail', { activity: e.activityDisplayName, date: f.dateTime(e.activityDateTime) })}>
                      {e.activityDisplayName}
                    </Link>
                  </TableCell>
                  <TableCell>{category(e.category)}</TableCell>
                  <TableCell>{result(e.result)}</TableCell>
                  <TableCell>{initiator(e)}</TableCell>
                  <TableCell>{targets(e)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {q.hasNextPage && <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('more')}</Button></div>}
        </>
      )}
      {open && <AuditDetail event={open} category={category(open.category)} result={result(open.result)} onClose={() => setOpen(undefined)} />}
    </Page>
  );
}
