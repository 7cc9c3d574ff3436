import { Button, SearchBox, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { BulkBar } from './bulk/BulkBar';
import { ColumnPicker } from './ColumnPicker';
import { AddUserWizard } from './add/AddUserWizard';
import { useAdminRoles, useRoleDefinitions, userKeys } from './data';
import { GuardedButton } from './Guarded';
import { UsersActions } from './import/UsersActions';
import { LoadMore } from './panel/LoadMore';
import { UserPanel } from './panel/UserPanel';
import { selectFor, useUserPrefs } from './prefs';
import { firstPages, parseViewKey, viewKey } from './query';
import type { User, UserView } from './types';
import { usePagedList } from './usePagedList';
import { UserTable } from './UserTable';
import { ViewDialog } from './ViewDialog';
import { ViewPicker } from './ViewPicker';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', paddingLeft: 0 },
  search: { minWidth: '240px' },
});

/** UsersPage is Users → Active users (admin-center.md §5.1): the paged, searchable list, its views, bulk actions and the details panel. */
export default function UsersPage() {
  const { t } = useTranslation('users');
  const s = useStyles();
  const qc = useQueryClient();
  const session = useSession().data!;
  const [prefs, setPrefs] = useUserPrefs(session.tenantId, session.userId);
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  useEffect(() => {
    const h = setTimeout(() => setSearch(typed), 300);
    return () => clearTimeout(h);
  }, [typed]);

  const views = useQuery({ queryKey: userKeys.views, queryFn: () => api.get<{ value: UserView[] }>('/api/userViews').then((r) => r.value) });
  const roles = useAdminRoles();
  const defs = useRoleDefinitions();
  const view = parseViewKey(prefs.view);
  const isAdmins = view.kind === 'standard' && view.name === 'admins';
  // The admins' ids matter to the Admins view only; as a string, so that refetching the same roles changes nothing.
  const adminKey = isAdmins ? [...(roles.data?.keys() ?? [])].sort().join(',') : '';
  const urls = useMemo(() => firstPages({ view, search, sort: prefs.sort, select: selectFor(prefs.columns) }, adminKey ? adminKey.split(',') : []),
    [prefs.view, search, prefs.sort, prefs.columns, adminKey]);
  const waitForAdmins = isAdmins && !roles.data;
  const list = usePagedList<User>(userKeys.list, urls, !waitForAdmins);
  // Another view, search, sort or set of columns starts a new selection.
  const queryKey = urls.join('\n');
  useEffect(() => setSelected(new Set()), [queryKey]);

  const rolesOf = (id: string) => (roles.data?.get(id.toLowerCase()) ?? [])
    .map((a) => defs.data?.find((d) => d.id === a.roleDefinitionId)?.displayName ?? a.roleDefinitionId);
  // The panel's address is ?user={id}; /admin/users/{id} opens it too.
  const splat = useParams()['*'];
  const navigate = useNavigate();
  // Closing the panel puts focus back where it was when it opened (the row).
  const returnFocus = useRef<HTMLElement | null>(null);
  const openUser = (id: string | null) => {
    if (id) returnFocus.current = document.activeElement as HTMLElement | null;
    else setTimeout(() => returnFocus.current?.isConnected && returnFocus.current.focus(), 0);
    const next = new URLSearchParams(params);
    if (id) next.set('user', id);
    else next.delete('user');
    if (splat) navigate({ pathname: '/admin/users', search: next.toString() });
    else setParams(next);
  };
  const panelId = params.get('user') ?? (splat || null);
  const chosen = list.items.filter((u) => selected.has(u.id));

  return (
    <Page title={t('title')}>
      <Toolbar className={s.toolbar} aria-label={t('toolbar')}>
        <GuardedButton perm="users.write" appearance="primary" icon={<PersonAdd20Regular />} onClick={() => setAdding(true)}>{t('add.button')}</GuardedButton>
        <UsersActions viewId={view.kind === 'custom' ? view.id : undefined} />
        <Button appearance="subtle" icon={<ArrowClockwise20Regular />} onClick={() => void qc.invalidateQueries({ queryKey: userKeys.all })}>
          {t('refresh')}
        </Button>
        <ColumnPicker columns={prefs.columns} onChange={(columns) => setPrefs({ columns })} />
        <ViewPicker view={view} views={views.data ?? []} onChange={(v) => setPrefs({ view: viewKey(v) })}
          onNew={() => setEditing('new')} onEdit={(v) => setEditing(v)} />
        <SearchBox className={s.search} value={typed} onChange={(_, d) => setTyped(d.value)} aria-label={t('search')} placeholder={t('search')} />
      </Toolbar>
      <BulkBar users={chosen} onDone={() => setSelected(new Set())} />
      {views.error && <ErrorMessage error={views.error} />}
      {(list.isPending || waitForAdmins) && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {!list.error && !list.isPending && list.empty && <Empty>{search ? t('list.noMatch') : t('list.empty')}</Empty>}
      {list.items.length > 0 && (
        <>
          <UserTable users={list.items} columns={prefs.columns} sort={prefs.sort} onSort={(sort) => setPrefs({ sort })}
            selected={selected} onSelect={setSelected} onOpen={(u) => openUser(u.id)} rolesOf={rolesOf} />
          <LoadMore shown={list.items.length} total={list.total} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
        </>
      )}
      {panelId && <UserPanel id={panelId} onClose={() => openUser(null)} />}
      {adding && <AddUserWizard onClose={() => setAdding(false)} />}
      {editing && (
        <ViewDialog view={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
          onSaved={(id) => { setEditing(null); setPrefs({ view: id ? viewKey({ kind: 'custom', id }) : 'all' }); }} />
      )}
    </Page>
  );
}
