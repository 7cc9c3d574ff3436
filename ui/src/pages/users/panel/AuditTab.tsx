import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { quote } from '../query';
import type { DirectoryAudit, User } from '../types';
import { usePagedList } from '../usePagedList';
import { LoadMore } from './LoadMore';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** auditUrl is the first page of the audit records that name the user as a target. */
export const auditUrl = (id: string) => `/v1.0/auditLogs/directoryAudits?${new URLSearchParams({
  $filter: `targetResources/any(t:t/id eq ${quote(id)})`, $orderby: 'activityDateTime desc', $top: '20' })}`;

/** AuditTab lists what was done to the user (GET /v1.0/auditLogs/directoryAudits, reports.manage; a 403 is explained). */
export function AuditTab({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const f = useFormat();
  const s = useStyles();
  const list = usePagedList<DirectoryAudit>(['users', 'one', user.id, 'audit'], [auditUrl(user.id)]);
  const by = (a: DirectoryAudit) => a.initiatedBy.user?.userPrincipalName ?? a.initiatedBy.user?.displayName ?? a.initiatedBy.app?.displayName ?? '';
  return (
    <div className={s.root}>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {!list.error && list.empty && <Empty>{t('audit.none')}</Empty>}
      {list.items.length > 0 && (
        <>
          <Table size="small" aria-label={t('panel.tab.audit')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.activity')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.by')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.result')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{f.dateTime(a.activityDateTime)}</TableCell>
                  <TableCell>{a.activityDisplayName}</TableCell>
                  <TableCell>{by(a)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={a.result === 'success' ? 'success' : 'danger'}>
                      {a.result === 'success' ? t('audit.success') : a.resultReason || a.result}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} kind="records" />
        </>
      )}
    </div>
  );
}
