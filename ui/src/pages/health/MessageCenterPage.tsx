import { Field, Select, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useMessages } from './api';
import { useServiceLabel } from './labels';
import { MessageDrawer } from './MessageDrawer';
import { MessageTable } from './MessageTable';
import { categories, distinct, filterMessages, noFilter, unreadCount, views, type MessageFilter, type View } from './messages';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filter: { minWidth: '200px' },
});

/** MessageCenterPage is Health → Message center: the posts about planned changes, with filters and each admin's own read, favourite and archive state. */
export default function MessageCenterPage() {
  const { t } = useTranslation('health');
  const s = useStyles();
  const fmt = useFormat();
  const id = useParams()['*']?.split('/')[0];
  const q = useMessages();
  const serviceLabel = useServiceLabel();
  const [f, setF] = useState<MessageFilter>(noFilter);
  const all = q.data ?? [];
  const shown = filterMessages(all, f);
  const filtered = f.category !== '' || f.service !== '' || f.tag !== '';
  const tags = distinct(all, (m) => m.tags);
  return (
    <Page title={t('messages.title')} intro={t('messages.intro')}>
      <TabList selectedValue={f.view} onTabSelect={(_, d) => setF({ ...f, view: d.value as View })} aria-label={t('messages.views')}>
        {views.map((v) => (
          <Tab key={v} value={v}>{v === 'unread' && q.data ? t('view.unreadCount', { count: fmt.number(unreadCount(all)) }) : t(`view.${v}`)}</Tab>
        ))}
      </TabList>
      <div role="search" aria-label={t('messages.filters')} className={s.bar}>
        <Field label={t('message.category')} className={s.filter}>
          <Select value={f.category} onChange={(_, d) => setF({ ...f, category: d.value })}>
            <option value="">{t('messages.any')}</option>
            {categories.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('message.services')} className={s.filter}>
          <Select value={f.service} onChange={(_, d) => setF({ ...f, service: d.value })}>
            <option value="">{t('messages.any')}</option>
            {distinct(all, (m) => m.services).map((n) => <option key={n} value={n}>{serviceLabel(n)}</option>)}
          </Select>
        </Field>
        <Field label={t('message.tags')} className={s.filter}>
          <Select value={f.tag} onChange={(_, d) => setF({ ...f, tag: d.value })} disabled={tags.length === 0}>
            <option value="">{t('messages.any')}</option>
            {tags.map((n) => <option key={n} value={n}>{n}</option>)}
          </Select>
        </Field>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && shown.length === 0 && <Empty>{filtered ? t('messages.noMatch') : t(`messages.empty.${f.view}`)}</Empty>}
      {shown.length > 0 && <MessageTable messages={shown} />}
      {id && <MessageDrawer id={decodeURIComponent(id)} />}
    </Page>
  );
}
