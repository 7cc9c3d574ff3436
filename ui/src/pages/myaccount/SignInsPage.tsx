import {
  Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection } from '../../api/types';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';

interface SignIn {
  id: string;
  createdDateTime: string;
  appDisplayName: string;
  ipAddress: string;
  status: { errorCode: number; failureReason: string | null };
}

const useStyles = makeStyles({ more: { alignSelf: 'flex-start' }, note: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

/** samePath keeps an @odata.nextLink on this origin (it carries the server's public URL). */
const samePath = (link: string) => {
  const u = new URL(link, window.location.origin);
  return u.pathname + u.search;
};

/** SignInsPage lists the user's own recent sign-ins (GET /api/me/signIns), a page at a time. */
export default function SignInsPage() {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const f = useFormat();
  const q = useInfiniteQuery({
    queryKey: ['me', 'signIns'],
    initialPageParam: '/api/me/signIns?$top=25',
    queryFn: ({ pageParam }) => api.get<Collection<SignIn>>(pageParam),
    getNextPageParam: (last) => (last['@odata.nextLink'] ? samePath(last['@odata.nextLink']) : undefined),
  });
  const rows = q.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <Page title={t('signIns.title')} intro={t('signIns.intro')}>
      <div className={s.note}>
        <Text>{t('signIns.notMe')}</Text>
        <RouterLink to="/myaccount/password">{t('signIns.changePassword')}</RouterLink>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && rows.length === 0 && <Empty>{t('signIns.empty')}</Empty>}
      {rows.length > 0 && (
        <Table aria-label={t('signIns.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('signIns.column.time')}</TableHeaderCell>
              <TableHeaderCell>{t('signIns.column.app')}</TableHeaderCell>
              <TableHeaderCell>{t('signIns.column.ip')}</TableHeaderCell>
              <TableHeaderCell>{t('signIns.column.result')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{f.dateTime(r.createdDateTime)}</TableCell>
                <TableCell>{r.appDisplayName}</TableCell>
                <TableCell>{r.ipAddress}</TableCell>
                <TableCell>
                  {r.status.errorCode === 0
                    ? <Badge appearance="tint" color="success">{t('signIns.success')}</Badge>
                    : <Badge appearance="tint" color="danger" title={r.status.failureReason ?? undefined}>{t('signIns.failure')}</Badge>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {q.hasNextPage && (
        <Button className={s.more} onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('signIns.more')}</Button>
      )}
    </Page>
  );
}
