import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormat } from '../../i18n/format';
import { HtmlBody } from './HtmlBody';
import { useServiceLabel } from './labels';
import { announcement, type HealthIssue } from './model';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  posts: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  post: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  time: { color: tokens.colorNeutralForeground3 },
});

/** IssueDrawer is a health issue's details (deep link /admin/health/services/{id}): its facts and every post, newest first. */
export function IssueDrawer({ id }: { id: string }) {
  const { t } = useTranslation('health');
  const s = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const serviceLabel = useServiceLabel();
  const q = useQuery({ queryKey: ['health', 'issue', id], queryFn: () => api.get<HealthIssue>(`${announcement}/issues/${encodeURIComponent(id)}`) });
  const close = () => navigate('/admin/health/services');
  const is = q.data;
  usePageTitle(is?.title ?? t('issue.label'));
  const posts = [...(is?.posts ?? [])].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && close()} aria-label={is?.title ?? t('issue.label')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('issue.close')} icon={<Dismiss24Regular />} onClick={close} />}>
          {is?.title ?? t('issue.label')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {is && (
          <>
            <dl className={s.facts}>
              <dt className={s.dt}>{t('issue.id')}</dt><dd className={s.dd}>{is.id}</dd>
              <dt className={s.dt}>{t('issue.service')}</dt><dd className={s.dd}>{serviceLabel(is.service)}</dd>
              {is.feature && <><dt className={s.dt}>{t('issue.feature')}</dt><dd className={s.dd}>{is.feature}</dd></>}
              <dt className={s.dt}>{t('issue.classification')}</dt>
              <dd className={s.dd}>
                <Badge appearance="tint" color={is.classification === 'incident' ? 'danger' : 'warning'}>{t(`classification.${is.classification}`, is.classification)}</Badge>
              </dd>
              <dt className={s.dt}>{t('issue.status')}</dt><dd className={s.dd}>{t(`issueStatus.${is.status}`, is.status)}</dd>
              <dt className={s.dt}>{t('issue.start')}</dt><dd className={s.dd}>{f.dateTime(is.startDateTime)}</dd>
              {is.endDateTime && <><dt className={s.dt}>{t('issue.end')}</dt><dd className={s.dd}>{f.dateTime(is.endDateTime)}</dd></>}
              <dt className={s.dt}>{t('issue.impact')}</dt><dd className={s.dd}>{is.impactDescription}</dd>
            </dl>
            <h3 className={s.h3}>{t('issue.posts')}</h3>
            {posts.length === 0 ? <Empty>{t('issue.noPosts')}</Empty> : (
              <ol className={s.posts} aria-label={t('issue.posts')}>
                {posts.map((p, i) => (
                  <li key={i} className={s.post}>
                    <Text size={200} className={s.time}><time dateTime={p.createdDateTime}>{f.dateTime(p.createdDateTime)}</time></Text>
                    <HtmlBody body={p.description} />
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
