import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { quote } from '../query';
import type { SignIn, User } from '../types';
import { usePagedList } from '../usePagedList';
import { LoadMore } from './LoadMore';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** SignInTab is whether the user may sign in and their recent sign-ins (GET /v1.0/auditLogs/signIns, which needs reports.manage; a 403 is explained). */
export function SignInTab({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const f = useFormat();
  const s = useStyles();
  const url = `/v1.0/auditLogs/signIns?${new URLSearchParams({ $filter: `userId eq ${quote(user.id)}`, $orderby: 'createdDateTime desc', $top: '20' })}`;
  const list = usePagedList<SignIn>(['users', 'one', user.id, 'signIns'], [url]);
  return (
    <div className={s.root}>
      <Text>
        {t('signIn.status')}{' '}
        {user.accountEnabled === false
          ? <Badge appearance="tint" color="danger">{t('signIn.blocked')}</Badge>
          : <Badge appearance="tint" color="success">{t('signIn.allowed')}</Badge>}
      </Text>
      <Text as="h3" weight="semibold">{t('signIn.recent')}</Text>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {!list.error && list.empty && <Empty>{t('signIn.none')}</Empty>}
      {list.items.length > 0 && (
        <>
          <Table size="small" aria-label={t('signIn.recent')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('signIn.when')}</TableHeaderCell>
                <TableHeaderCell>{t('signIn.app')}</TableHeaderCell>
                <TableHeaderCell>{t('signIn.ip')}</TableHeaderCell>
                <TableHeaderCell>{t('signIn.result')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{f.dateTime(e.createdDateTime)}</TableCell>
                  <TableCell>{e.appDisplayName}</TableCell>
                  <TableCell>{e.ipAddress}</TableCell>
                  <TableCell>
                    {e.status.errorCode === 0
                      ? <Badge appearance="tint" color="success">{t('signIn.success')}</Badge>
                      : <Badge appearance="tint" color="danger">{e.status.failureReason ?? e.status.additionalDetails ?? String(e.status.errorCode)}</Badge>}
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
