import {
  Button, Field, SearchBox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { PermButton } from '../roles/PermButton';
import { AddGroupWizard } from './AddGroupWizard';
import { groupKind, type Group } from './model';
import { eventual, searchTerm, usePaged } from './paging';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { minWidth: '280px' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { '& td': { overflowWrap: 'anywhere' } },
});

const select = 'id,displayName,description,mail,mailEnabled,mailNickname,securityEnabled,groupTypes,createdDateTime,onPremisesSyncEnabled';

/** groupsPath is the list query: 50 a page by name, with the total, narrowed by a search over name, description and mail. */
export function groupsPath(text: string): string {
  const term = searchTerm(text);
  let p = `/v1.0/groups?$top=50&$count=true&$orderby=displayName&$select=${select}`;
  if (term) p += `&$search=${encodeURIComponent(`"displayName:${term}" OR "description:${term}" OR "mail:${term}"`)}`;
  return p;
}

/** GroupList lists the organization's groups with paging and search; users.write holders add groups. */
export function GroupList() {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const f = useFormat();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [adding, setAdding] = useState(false);
  const q = usePaged<Group>(['groups', 'list', term], groupsPath(term), eventual);
  return (
    <Page title={t('title')} intro={t('intro')}
      actions={<PermButton perm="users.write" appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>{t('add.button')}</PermButton>}>
      <form role="search" className={s.bar} onSubmit={(e) => { e.preventDefault(); setTerm(text); }}>
        <Field label={t('search')} className={s.search}>
          <SearchBox value={text} placeholder={t('searchPlaceholder')}
            onChange={(_, d) => { setText(d.value); if (d.value === '') setTerm(''); }} />
        </Field>
      </form>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{term ? t('noMatch') : t('empty')}</Empty>}
      {q.items.length > 0 && (
        <>
          {q.count !== undefined && <Text className={s.muted}>{t('shown', { shown: f.number(q.items.length), total: f.number(q.count) })}</Text>}
          <Table aria-label={t('title')} className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('column.name')}</TableHeaderCell>
                <TableHeaderCell>{t('column.email')}</TableHeaderCell>
                <TableHeaderCell>{t('column.type')}</TableHeaderCell>
                <TableHeaderCell>{t('column.sync')}</TableHeaderCell>
                <TableHeaderCell>{t('column.created')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.items.map((g) => (
                <TableRow key={g.id}>
                  <TableCell>
                    <RouterLink to={`/admin/groups/${g.id}`}>{g.displayName}</RouterLink>
                  </TableCell>
                  <TableCell>{g.mail ?? ''}</TableCell>
                  <TableCell>{t(`kind.${groupKind(g)}`)}</TableCell>
                  <TableCell>{g.onPremisesSyncEnabled ? t('sync.synced') : t('sync.cloud')}</TableCell>
                  <TableCell>{g.createdDateTime ? f.date(g.createdDateTime) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {q.hasNextPage && (
            <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('more')}</Button></div>
          )}
        </>
      )}
      {adding && <AddGroupWizard onClose={() => setAdding(false)} />}
    </Page>
  );
}
