import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useIssues, useOverviews } from './api';
import { IssueDrawer } from './IssueDrawer';
import { IssueTable } from './IssueTable';
import { useServiceLabel } from './labels';
import { activeIssues, levelColor, serviceLevel, serviceId } from './model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** ServiceHealthPage is Health → Service health: each service's status, the active issues and the last 30 days; /admin/health/services/{id} opens an issue. */
export default function ServiceHealthPage() {
  const { t } = useTranslation('health');
  const s = useStyles();
  const id = useParams()['*']?.split('/')[0];
  const ov = useOverviews();
  const is = useIssues();
  const serviceLabel = useServiceLabel();
  const issues = is.data ?? [];
  const active = activeIssues(issues);
  const history = issues.filter((i) => i.isResolved).sort((a, b) => (b.endDateTime ?? '').localeCompare(a.endDateTime ?? ''));
  const now = Date.now();
  return (
    <Page title={t('services.title')} intro={t('services.intro')}>
      {(ov.isPending || is.isPending) && <Loading />}
      {ov.error && <ErrorMessage error={ov.error} />}
      {!ov.error && is.error && <ErrorMessage error={is.error} />}
      {ov.data && is.data && (
        <>
          <Table aria-label={t('services.table')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('services.service')}</TableHeaderCell>
                <TableHeaderCell>{t('services.health')}</TableHeaderCell>
                <TableHeaderCell>{t('services.activeIssues')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ov.data.map((o) => {
                const level = serviceLevel(o, issues, now);
                const open = active.filter((i) => serviceId(i.service) === o.id).length;
                return (
                  <TableRow key={o.id}>
                    <TableCell>{serviceLabel(o.id)}</TableCell>
                    <TableCell>
                      <Badge appearance="filled" color={levelColor(level)}>{t(`level.${level}`)}</Badge>{' '}
                      {o.status !== 'serviceOperational' && <Text size={200} className={s.muted}>{t(`issueStatus.${o.status}`, o.status)}</Text>}
                    </TableCell>
                    <TableCell>{open}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <section className={s.section} aria-labelledby="health-active">
            <h2 id="health-active" className={s.h2}>{t('services.active')}</h2>
            {active.length === 0 ? <Empty>{t('services.noActive')}</Empty> : <IssueTable issues={active} label={t('services.active')} />}
          </section>
          <section className={s.section} aria-labelledby="health-history">
            <h2 id="health-history" className={s.h2}>{t('services.history')}</h2>
            {history.length === 0 ? <Empty>{t('services.noHistory')}</Empty> : <IssueTable issues={history} label={t('services.history')} resolved />}
          </section>
        </>
      )}
      {id && <IssueDrawer id={decodeURIComponent(id)} />}
    </Page>
  );
}
