import {
  Button, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { PermButton } from '../roles/PermButton';
import { AddRelationDialog, type Refusal } from './AddRelationDialog';
import { isUser, type DirectoryObject, type Group } from './model';
import { usePaged } from './paging';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { '& td': { overflowWrap: 'anywhere' } },
});

export type Relation = 'members' | 'owners';
export const displayOf = (o: DirectoryObject) => o.displayName ?? o.userPrincipalName ?? o.id;

/** GroupRelations is the Members or Owners tab: the list (paged), Add with the user picker, Remove with confirmation. */
export function GroupRelations({ group, rel }: { group: Group; rel: Relation }) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<DirectoryObject>();
  const [refused, setRefused] = useState<Refusal[]>([]);
  const key = ['groups', group.id, rel];
  const q = usePaged<DirectoryObject>(key, `/v1.0/groups/${group.id}/${rel}?$top=100`);
  const synced = !!group.onPremisesSyncEnabled;
  const remove = useMutation({
    mutationFn: (o: DirectoryObject) => api.del(`/v1.0/groups/${group.id}/${rel}/${o.id}/$ref`),
    onSuccess: (_, o) => { notify(t('rel.removed', { name: displayOf(o) })); setRemoving(undefined); void qc.invalidateQueries({ queryKey: key }); },
  });
  return (
    <div className={s.col}>
      <div>
        <PermButton perm="users.write" icon={<PersonAdd20Regular />} disabled={synced} onClick={() => setAdding(true)}>
          {rel === 'members' ? t('rel.addMembers') : t('rel.addOwners')}
        </PermButton>
      </div>
      {refused.map((r) => (
        <MessageBar key={r.name} intent="error" layout="multiline" role="alert">
          <MessageBarBody><MessageBarTitle>{t('rel.failedFor', { name: r.name })}</MessageBarTitle> {r.message}</MessageBarBody>
        </MessageBar>
      ))}
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{rel === 'members' ? t('rel.membersEmpty') : t('rel.ownersEmpty')}</Empty>}
      {q.items.length > 0 && (
        <Table aria-label={t(`panel.${rel}`)} size="small" className={s.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.member')}</TableHeaderCell>
              <TableHeaderCell>{t('column.userName')}</TableHeaderCell>
              <TableHeaderCell>{t('column.kind')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.items.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{displayOf(o)}</TableCell>
                <TableCell>{o.userPrincipalName ?? o.mail ?? ''}</TableCell>
                <TableCell>{isUser(o) ? t('object.user') : t('object.group')}</TableCell>
                <TableCell>
                  <PermButton perm="users.write" size="small" disabled={synced} aria-label={t('rel.removeLabel', { name: displayOf(o) })}
                    onClick={() => { remove.reset(); setRemoving(o); }}>{t('rel.remove')}</PermButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {q.hasNextPage && <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('more')}</Button></div>}
      {removing && (
        <ConfirmDialog title={t(rel === 'members' ? 'rel.removeMemberTitle' : 'rel.removeOwnerTitle', { name: displayOf(removing) })}
          confirmLabel={t('rel.remove')} busy={remove.isPending} onConfirm={() => remove.mutate(removing)} onClose={() => setRemoving(undefined)}>
          {remove.error ? <ErrorMessage error={remove.error} /> : t('rel.removeText', { name: displayOf(removing) })}
        </ConfirmDialog>
      )}
      {adding && (
        <AddRelationDialog group={group} rel={rel} exclude={q.items.map((o) => o.id)} onClose={() => setAdding(false)}
          onDone={(r) => { setRefused(r); setAdding(false); void qc.invalidateQueries({ queryKey: key }); }} />
      )}
    </div>
  );
}
