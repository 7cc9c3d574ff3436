import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { Archive20Regular, Dismiss24Regular, Mail20Regular, Star20Filled, Star20Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormat } from '../../i18n/format';
import { useMessageAction, useMessages } from './api';
import { HtmlBody } from './HtmlBody';
import { useServiceLabel } from './labels';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** MessageDrawer is a message center post (deep link /admin/health/messages/{id}); opening it marks it read, as the portal does. */
export function MessageDrawer({ id }: { id: string }) {
  const { t } = useTranslation('health');
  const s = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const serviceLabel = useServiceLabel();
  const q = useMessages();
  const act = useMessageAction();
  const m = q.data?.find((x) => x.id === id);
  const close = () => navigate('/admin/health/messages');
  usePageTitle(m?.title ?? t('message.label'));
  // Mark read once when it opens unread; "Mark as unread" afterwards stays unread.
  const marked = useRef('');
  useEffect(() => {
    if (m && !m.viewPoint.isRead && marked.current !== m.id) {
      marked.current = m.id;
      act.mutate({ action: 'markRead', ids: [m.id] });
    }
  }, [m, act]);
  const vp = m?.viewPoint;
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && close()} aria-label={m?.title ?? t('message.label')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('message.close')} icon={<Dismiss24Regular />} onClick={close} />}>
          {m?.title ?? t('message.label')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {q.data && !m && <Empty>{t('message.notFound')}</Empty>}
        {m && vp && (
          <>
            <div className={s.actions}>
              <Button icon={<Mail20Regular />} onClick={() => act.mutate({ action: vp.isRead ? 'markUnread' : 'markRead', ids: [m.id] })}>
                {vp.isRead ? t('action.markUnread') : t('action.markRead')}
              </Button>
              <Button icon={vp.isFavorited ? <Star20Filled /> : <Star20Regular />} aria-pressed={vp.isFavorited}
                onClick={() => act.mutate({ action: vp.isFavorited ? 'unfavorite' : 'favorite', ids: [m.id] })}>
                {t('action.favorite')}
              </Button>
              <Button icon={<Archive20Regular />} onClick={() => act.mutate({ action: vp.isArchived ? 'unarchive' : 'archive', ids: [m.id] })}>
                {vp.isArchived ? t('action.unarchive') : t('action.archive')}
              </Button>
            </div>
            {act.error && <ErrorMessage error={act.error} />}
            <dl className={s.facts}>
              <dt className={s.dt}>{t('message.id')}</dt><dd className={s.dd}>{m.id}</dd>
              <dt className={s.dt}>{t('message.category')}</dt><dd className={s.dd}>{t(`category.${m.category}`, m.category)}</dd>
              <dt className={s.dt}>{t('message.severity')}</dt><dd className={s.dd}>{t(`severity.${m.severity}`, m.severity)}</dd>
              <dt className={s.dt}>{t('message.services')}</dt><dd className={s.dd}>{m.services.map(serviceLabel).join(', ')}</dd>
              {(m.tags.length > 0 || m.isMajorChange) && (
                <>
                  <dt className={s.dt}>{t('message.tags')}</dt>
                  <dd className={mergeClasses(s.dd, s.badges)}>
                    {m.isMajorChange && <Badge appearance="tint" color="warning">{t('message.major')}</Badge>}
                    {m.tags.map((tag) => <Badge key={tag} appearance="outline">{tag}</Badge>)}
                  </dd>
                </>
              )}
              {m.actionRequiredByDateTime && <><dt className={s.dt}>{t('message.actBy')}</dt><dd className={s.dd}>{f.date(m.actionRequiredByDateTime)}</dd></>}
              <dt className={s.dt}>{t('message.published')}</dt><dd className={s.dd}>{f.dateTime(m.startDateTime)}</dd>
              <dt className={s.dt}>{t('message.updated')}</dt><dd className={s.dd}>{f.dateTime(m.lastModifiedDateTime)}</dd>
            </dl>
            <HtmlBody body={m.body} />
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
