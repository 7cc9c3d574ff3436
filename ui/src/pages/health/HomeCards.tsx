import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { HeartPulse24Regular, MegaphoneLoud24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { InfoCard } from '../../components/InfoCard';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading } from '../../components/Status';
import { useIssues, useMessages, useOverviews } from './api';
import { useServiceLabel } from './labels';
import { unreadCount } from './messages';
import { activeIssues, levelColor, serviceLevel, worstLevel } from './model';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** HealthCards are Home's Service health and Message center cards, for admins who may read service health (health.read). */
export function HealthCards() {
  const session = useSession().data;
  if (!can(session, 'health.read')) return null;
  return (
    <>
      <ServiceHealthCard />
      <MessageCenterCard />
    </>
  );
}

/** ServiceHealthCard shows the worst current status, each service that isn't healthy, and the number of active incidents. */
function ServiceHealthCard() {
  const { t } = useTranslation('health');
  const s = useStyles();
  const ov = useOverviews();
  const is = useIssues();
  const serviceLabel = useServiceLabel();
  const now = Date.now();
  const levels = (ov.data ?? []).map((o) => ({ o, level: serviceLevel(o, is.data ?? [], now) }));
  const worst = worstLevel(levels.map((l) => l.level));
  const incidents = activeIssues(is.data ?? []).filter((i) => i.classification === 'incident').length;
  return (
    <InfoCard id="service-health" title={t('card.health')} icon={<HeartPulse24Regular />}
      footer={<RouterLink to="/admin/health/services">{t('card.healthLink')}</RouterLink>}>
      {(ov.isPending || is.isPending) && <Loading />}
      {(ov.error || is.error) && <ErrorMessage error={ov.error ?? is.error} />}
      {ov.data && is.data && (
        <>
          <div className={s.row}><Badge appearance="filled" color={levelColor(worst)}>{t(`level.${worst}`)}</Badge>
            <Text>{worst === 'healthy' ? t('card.allHealthy') : t('card.incidents', { count: incidents })}</Text></div>
          <ul className={s.list}>
            {levels.filter((l) => l.level !== 'healthy').map(({ o, level }) => (
              <li key={o.id} className={s.row}>
                <Text>{serviceLabel(o.id)}</Text>
                <Badge appearance="tint" color={levelColor(level)}>{t(`level.${level}`)}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </InfoCard>
  );
}

/** MessageCenterCard shows the unread count and the latest five posts. */
function MessageCenterCard() {
  const { t } = useTranslation('health');
  const s = useStyles();
  const q = useMessages();
  const latest = (q.data ?? []).filter((m) => !m.viewPoint.isArchived).slice(0, 5);
  return (
    <InfoCard id="message-center" title={t('card.messages')} icon={<MegaphoneLoud24Regular />}
      footer={<RouterLink to="/admin/health/messages">{t('card.messagesLink')}</RouterLink>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          <Text>{t('card.unread', { count: unreadCount(q.data) })}</Text>
          {latest.length === 0 ? <Text>{t('card.noMessages')}</Text> : (
            <ul className={s.list}>
              {latest.map((m) => (
                <li key={m.id}><RouterLink to={`/admin/health/messages/${encodeURIComponent(m.id)}`}>{m.title}</RouterLink></li>
              ))}
            </ul>
          )}
        </>
      )}
    </InfoCard>
  );
}
