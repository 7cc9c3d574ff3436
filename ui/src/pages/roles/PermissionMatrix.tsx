import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from './labels';
import { footnotes, permKey, type Cell, type Matrix, type MatrixRole } from './matrix';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '960px', '& th': { overflowWrap: 'anywhere', verticalAlign: 'bottom' } },
  ref: { color: tokens.colorBrandForegroundLink, marginInlineStart: '2px' },
  caption: { textAlign: 'start', padding: `${tokens.spacingVerticalS} 0`, fontWeight: tokens.fontWeightSemibold },
  no: { color: tokens.colorNeutralForeground3 },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  limited: { color: tokens.colorPaletteMarigoldForeground1 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  first: { width: '240px' },
});

/**
 * PermissionMatrix is the seed's matrix as a table: a row per permission
 * (its label in the row header), a column per role, each cell Yes, No or a
 * restricted yes with a numbered note carrying the seed's restriction text.
 * With roles it shows only those columns (a role's Permissions tab).
 */
export function PermissionMatrix({ matrix, roles = matrix.roles, caption }: { matrix: Matrix; roles?: MatrixRole[]; caption: string }) {
  const { t } = useTranslation('roles');
  const s = useStyles();
  const roleLabel = useRoleLabel();
  const notes = footnotes(matrix, roles);
  const cellText = (c: Cell) => {
    const n = notes.indexOf(c) + 1;
    const cls = c === 'N' ? s.no : c === 'Y' ? s.yes : s.limited;
    return (
      <span className={cls}>
        {t(`cell.${c}`)}
        {n > 0 && <sup><a className={s.ref} href={`#matrix-note-${c}`} aria-label={t('note.ref', { n })}>{n}</a></sup>}
      </span>
    );
  };
  return (
    <div className={s.wrap}>
      <Table className={s.table} size="small" noNativeElements={false}>
        <caption className={s.caption}>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={s.first}>{t('column.permission')}</TableHeaderCell>
            {roles.map((r) => <TableHeaderCell key={r.templateId} scope="col">{roleLabel(r)}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {matrix.permissions.map((p) => (
            <TableRow key={p}>
              <TableHeaderCell scope="row">{t(`perm.${permKey(p)}`)}</TableHeaderCell>
              {roles.map((r) => <TableCell key={r.templateId}>{cellText(r.cells[p] ?? 'N')}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {notes.length > 0 && (
        <section aria-label={t('note.title')}>
          <ol className={s.notes}>
            {notes.map((c) => <li key={c} id={`matrix-note-${c}`}><Text>{t(`note.${c}`)}</Text></li>)}
          </ol>
        </section>
      )}
    </div>
  );
}
