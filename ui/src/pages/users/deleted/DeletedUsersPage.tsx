import {
  Button, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowUndo20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Page } from '../../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { useFormat } from '../../../i18n/format';
import { userKeys } from '../data';
import { GuardedButton } from '../Guarded';
import { LoadMore } from '../panel/LoadMore';
import type { User } from '../types';
import { usePagedList } from '../usePagedList';
import { UserAvatar } from '../UserAvatar';
import { daysLeft } from './daysLeft';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  actionsCol: { width: '340px' },
  daysCol: { width: '140px' },
});

const firstUrl = `/v1.0/directory/deletedItems/microsoft.graph.user?${new URLSearchParams({
  $select: 'id,displayName,userPrincipalName,deletedDateTime', $orderby: 'deletedDateTime desc', $top: '100', $count: 'true' })}`;

/** DeletedUsersPage is Users → Deleted users (admin-center.md §5.4): restore within 30 days, or delete for good. */
export default function DeletedUsersPage() {
  const { t } = useTranslation('users');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const list = usePagedList<User>(userKeys.deleted, [firstUrl]);
  const [ask, setAsk] = useState<{ what: 'restore' | 'purge'; user: User } | null>(null);
  const act = useMutation({
    mutationFn: async ({ what, user }: { what: 'restore' | 'purge'; user: User }) => {
      if (what === 'restore') await api.post(`/v1.0/directory/deletedItems/${user.id}/restore`);
      else await api.del(`/v1.0/directory/deletedItems/${user.id}`);
      return { what, user };
    },
    onSuccess: ({ what, user }) => {
      setAsk(null);
      notify(t(what === 'restore' ? 'deleted.restored' : 'deleted.purged', { name: user.displayName ?? user.userPrincipalName }));
      void qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const name = (u: User) => u.displayName ?? u.userPrincipalName;
  return (
    <Page title={t('deleted.title')} intro={t('deleted.intro')}
      actions={<Button appearance="subtle" icon={<ArrowClockwise20Regular />} onClick={list.refetch}>{t('refresh')}</Button>}>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {!list.error && list.empty && <Empty>{t('deleted.empty')}</Empty>}
      {list.items.length > 0 && (
        <>
          <Table aria-label={t('deleted.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('column.displayName')}</TableHeaderCell>
                <TableHeaderCell>{t('column.userPrincipalName')}</TableHeaderCell>
                <TableHeaderCell>{t('deleted.deletedOn')}</TableHeaderCell>
                <TableHeaderCell className={s.daysCol}>{t('deleted.daysLeft')}</TableHeaderCell>
                <TableHeaderCell className={s.actionsCol}>{t('roles.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((u) => (
                <TableRow key={u.id} data-upn={u.userPrincipalName}>
                  <TableCell><TableCellLayout media={<UserAvatar id={u.id} name={name(u)} size={24} />}>{name(u)}</TableCellLayout></TableCell>
                  <TableCell>{u.userPrincipalName}</TableCell>
                  <TableCell>{u.deletedDateTime ? f.dateTime(u.deletedDateTime) : ''}</TableCell>
                  <TableCell>{u.deletedDateTime ? f.number(daysLeft(u.deletedDateTime)) : ''}</TableCell>
                  <TableCell>
                    <div className={s.actions}>
                      <GuardedButton perm="users.write" size="small" icon={<ArrowUndo20Regular />}
                        onClick={() => { act.reset(); setAsk({ what: 'restore', user: u }); }}>{t('deleted.restore')}</GuardedButton>
                      <GuardedButton perm="users.write" size="small" appearance="subtle" icon={<Delete20Regular />}
                        onClick={() => { act.reset(); setAsk({ what: 'purge', user: u }); }}>{t('deleted.purge')}</GuardedButton>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore shown={list.items.length} total={list.total} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
        </>
      )}
      {ask && (
        <ConfirmDialog title={t(ask.what === 'restore' ? 'deleted.restoreTitle' : 'deleted.purgeTitle', { name: name(ask.user) })}
          confirmLabel={t(ask.what === 'restore' ? 'deleted.restore' : 'deleted.purge')} busy={act.isPending}
          onConfirm={() => act.mutate(ask)} onClose={() => setAsk(null)}>
          {act.error ? <ErrorMessage error={act.error} /> : t(ask.what === 'restore' ? 'deleted.restoreText' : 'deleted.purgeText', { name: name(ask.user) })}
        </ConfirmDialog>
      )}
    </Page>
  );
}
