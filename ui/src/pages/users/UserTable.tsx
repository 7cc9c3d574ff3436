import {
  Badge, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, TableSelectionCell, Tooltip,
  makeStyles, tokens, useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ArrowSync16Regular, ShieldPersonRegular } from '@fluentui/react-icons';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { cellText } from './cells';
import type { OptionalColumn } from './prefs';
import type { Sort, SortField } from './query';
import type { User } from './types';
import { UserAvatar } from './UserAvatar';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { width: 'max-content', minWidth: '100%' },
  wide: { flexGrow: 2, minWidth: '260px' },
  cell: { minWidth: '150px' },
  clip: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  row: { cursor: 'pointer' },
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  marker: { color: tokens.colorNeutralForeground3 },
});

export interface UserTableProps {
  users: User[];
  columns: OptionalColumn[];
  sort: Sort;
  onSort: (s: Sort) => void;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  onOpen: (u: User) => void;
  /** The names of the roles a user holds (none: not an admin). */
  rolesOf: (id: string) => string[];
}

/**
 * UserTable is Active users' grid: one row per loaded user, check boxes
 * (and Space) to select, a click (or Enter) to open the details panel,
 * arrow keys to move, and the sortable Display name and Username headers.
 */
export function UserTable({ users, columns, sort, onSort, selected, onSelect, onOpen, rolesOf }: UserTableProps) {
  const { t } = useTranslation('users');
  const f = useFormat();
  const s = useStyles();
  // One stop in the tab order: the arrow keys move between rows (and the
  // header's controls); a row's check box is for the mouse, Space on the
  // row does the same.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const all = users.length > 0 && users.every((u) => selected.has(u.id));
  const some = users.some((u) => selected.has(u.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const toggleAll = () => onSelect(all ? new Set() : new Set(users.map((u) => u.id)));
  const header = (field: SortField, label: string) => (
    <TableHeaderCell className={s.wide} sortable sortDirection={sort.field === field ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      onClick={() => onSort({ field, dir: sort.field === field && sort.dir === 'asc' ? 'desc' : 'asc' })}>
      {label}
    </TableHeaderCell>
  );
  // On a focused row, Space selects and Enter opens the panel.
  const onRowKey = (e: KeyboardEvent, u: User) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === ' ') { e.preventDefault(); e.stopPropagation(); toggle(u.id); }
    if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); onOpen(u); }
  };
  return (
    <div className={s.wrap}>
      <Table className={s.table} noNativeElements sortable role="grid" aria-label={t('list.label')} aria-multiselectable size="small"
        {...arrows}>
        <TableHeader>
          <TableRow>
            <TableSelectionCell checked={all ? true : some ? 'mixed' : false} onClick={toggleAll}
              onKeyDown={(e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); toggleAll(); } }}
              checkboxIndicator={{ 'aria-label': t('list.selectAll') }} />
            {header('displayName', t('column.displayName'))}
            {header('userPrincipalName', t('column.userPrincipalName'))}
            {columns.map((c) => <TableHeaderCell className={s.cell} key={c}>{t(`column.${c}`)}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => {
            const roles = rolesOf(u.id);
            const name = u.displayName ?? u.userPrincipalName;
            return (
              <TableRow key={u.id} className={s.row} tabIndex={0} role="row" aria-selected={selected.has(u.id)}
                appearance={selected.has(u.id) ? 'brand' : 'none'}
                onClick={() => onOpen(u)} onKeyDown={(e) => onRowKey(e, u)} data-upn={u.userPrincipalName}>
                <TableSelectionCell role="gridcell" checked={selected.has(u.id)}
                  onClick={(e) => { e.stopPropagation(); toggle(u.id); }}
                  checkboxIndicator={{ 'aria-label': t('list.select', { name }), input: { tabIndex: -1 } }} />
                <TableCell role="gridcell" className={s.wide}>
                  <TableCellLayout media={<UserAvatar id={u.id} name={name} size={24} />}>
                    <span className={s.name}>
                      {name}
                      {roles.length > 0 && (
                        <Tooltip content={roles.join(', ')} relationship="description">
                          <Badge size="small" appearance="tint" color="brand" icon={<ShieldPersonRegular />}>{t('badge.admin')}</Badge>
                        </Tooltip>
                      )}
                      {u.accountEnabled === false && <Badge size="small" appearance="tint" color="danger">{t('badge.blocked')}</Badge>}
                      {u.onPremisesSyncEnabled && (
                        <span role="img" aria-label={t('sync.synced')} title={t('sync.synced')} className={s.marker}>
                          <ArrowSync16Regular />
                        </span>
                      )}
                    </span>
                  </TableCellLayout>
                </TableCell>
                <TableCell role="gridcell" className={s.wide}><span className={s.clip}>{u.userPrincipalName}</span></TableCell>
                {columns.map((c) => (
                  <TableCell role="gridcell" className={s.cell} key={c}><span className={s.clip}>{cellText(u, c, t, f.date, roles)}</span></TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
