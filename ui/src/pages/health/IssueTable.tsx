import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { useFormat } from '../../i18n/format';
import { useServiceLabel } from './labels';
import type { HealthIssue } from './model';

const useStyles = makeStyles({ table: { '& td': { overflowWrap: 'anywhere' } }, id: { whiteSpace: 'nowrap' } });

/** IssueTable lists health issues, each title opening the issue's details. */
export function IssueTable({ issues, label, resolved }: { issues: HealthIssue[]; label: string; resolved?: boolean }) {
  const { t } = useTranslation('health');
  const s = useStyles();
  const f = useFormat();
  const serviceLabel = useServiceLabel();
  return (
    <Table aria-label={label} className={s.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('issue.id')}</TableHeaderCell>
          <TableHeaderCell>{t('issue.title')}</TableHeaderCell>
          <TableHeaderCell>{t('issue.service')}</TableHeaderCell>
          <TableHeaderCell>{t('issue.classification')}</TableHeaderCell>
          <TableHeaderCell>{t('issue.status')}</TableHeaderCell>
          <TableHeaderCell>{t('issue.start')}</TableHeaderCell>
          <TableHeaderCell>{resolved ? t('issue.end') : t('issue.updated')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {issues.map((i) => (
          <TableRow key={i.id}>
            <TableCell className={s.id}>{i.id}</TableCell>
            <TableCell><RouterLink to={`/admin/health/services/${encodeURIComponent(i.id)}`}>{i.title}</RouterLink></TableCell>
            <TableCell>{serviceLabel(i.service)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={i.classification === 'incident' ? 'danger' : 'warning'}>
                {t(`classification.${i.classification}`, i.classification)}
              </Badge>
            </TableCell>
            <TableCell>{t(`issueStatus.${i.status}`, i.status)}</TableCell>
            <TableCell>{f.dateTime(i.startDateTime)}</TableCell>
            <TableCell>{resolved && i.endDateTime ? f.dateTime(i.endDateTime) : f.dateTime(i.lastModifiedDateTime)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
