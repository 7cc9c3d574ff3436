import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { useImports } from './data';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** RecentImports lists the organization's recent imports; each file name reopens its import at the step its status is at. */
export function RecentImports() {
  const { t } = useTranslation('import');
  const f = useFormat();
  const list = useImports();
  return (
    <section className={useStyles().root} aria-labelledby="import-recent">
      <Text as="h2" id="import-recent" size={500} weight="semibold">{t('recent.title')}</Text>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.data?.length === 0 && <Empty>{t('recent.empty')}</Empty>}
      {!!list.data?.length && (
        <Table size="small" aria-label={t('recent.label')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('recent.file')}</TableHeaderCell>
              <TableHeaderCell>{t('recent.uploaded')}</TableHeaderCell>
              <TableHeaderCell>{t('recent.status')}</TableHeaderCell>
              <TableHeaderCell>{t('recent.users')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((imp) => (
              <TableRow key={imp.id}>
                <TableCell><RouterLink to={`/admin/users/import/${encodeURIComponent(imp.id)}`}>{imp.fileName}</RouterLink></TableCell>
                <TableCell>{f.dateTime(imp.createdDateTime)}</TableCell>
                <TableCell>{t(`status.${imp.status}`)}</TableCell>
                <TableCell>{t('recent.counts', { created: f.number(imp.created), total: f.number(imp.total) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
