import { Checkbox, Field, SearchBox, Tag, TagGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorMessage, Loading } from '../../components/Status';
import { eventual, searchTerm, type Page } from './paging';

/** PickedUser is a user chosen in the picker. */
export interface PickedUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  results: { display: 'flex', flexDirection: 'column', maxHeight: '240px', overflowY: 'auto', listStyleType: 'none', margin: 0, padding: 0 },
});

/** usersPath is the users query for a search text: the first users by name, or those whose name or user name starts with it. */
export function usersPath(text: string): string {
  const base = '/v1.0/users?$top=15&$select=id,displayName,userPrincipalName';
  const term = searchTerm(text);
  if (!term) return `${base}&$orderby=displayName`;
  const search = `"displayName:${term}" OR "userPrincipalName:${term}"`;
  return `${base}&$count=true&$search=${encodeURIComponent(search)}`;
}

function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * UserPicker finds users by name or user name and lets the admin check the
 * ones to add; the chosen ones show as tags that can be removed again.
 * exclude hides users who already belong.
 */
export function UserPicker({ selected, onChange, exclude = [], label }: {
  selected: PickedUser[]; onChange: (users: PickedUser[]) => void; exclude?: string[]; label: string;
}) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const [text, setText] = useState('');
  const term = useDebounced(text);
  const q = useQuery({
    queryKey: ['userPicker', term],
    queryFn: ({ signal }) => api.get<Page<PickedUser>>(usersPath(term), { headers: eventual, signal }),
  });
  const chosen = new Set(selected.map((u) => u.id));
  const toggle = (u: PickedUser, on: boolean) => onChange(on ? [...selected, u] : selected.filter((x) => x.id !== u.id));
  const results = (q.data?.value ?? []).filter((u) => !exclude.includes(u.id));
  return (
    <div className={s.root}>
      <Field label={label}>
        <SearchBox value={text} onChange={(_, d) => setText(d.value)} placeholder={t('picker.placeholder')} />
      </Field>
      {selected.length > 0 && (
        <TagGroup aria-label={t('picker.selected')} onDismiss={(_, d) => onChange(selected.filter((u) => u.id !== d.value))}>
          {selected.map((u) => (
            <Tag key={u.id} value={u.id} dismissible dismissIcon={{ 'aria-label': t('picker.unselect', { name: u.displayName ?? u.userPrincipalName }) }}>
              {u.displayName ?? u.userPrincipalName}
            </Tag>
          ))}
        </TagGroup>
      )}
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && results.length === 0 && <Text>{t('picker.none')}</Text>}
      {results.length > 0 && (
        <ul className={s.results} aria-label={t('picker.results')}>
          {results.map((u) => (
            <li key={u.id}>
              <Checkbox checked={chosen.has(u.id)} onChange={(_, d) => toggle(u, !!d.checked)}
                label={t('picker.option', { name: u.displayName ?? u.userPrincipalName, upn: u.userPrincipalName })} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
