import { Avatar, Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { SupportRequest } from './model';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex', gap: tokens.spacingHorizontalM, padding: tokens.spacingVerticalM, borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  support: { backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke2}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, flexGrow: 1 },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  time: { color: tokens.colorNeutralForeground3 },
  // Messages are plain text: keep the writer's line breaks, wrap long words.
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
});

/** Entry is one item of a request's conversation: the request itself first, then each message. */
export interface Entry {
  key: string;
  fromSupport: boolean;
  /** Who wrote it as shown: support's name, or the admin's user name; empty when unknown. */
  author: string;
  /** mine: written by the signed-in admin. */
  mine: boolean;
  at: string;
  text: string;
}

/** threadEntries turns a request into its conversation, oldest first: the description as the opening entry, then the messages. */
export function threadEntries(sr: SupportRequest, myUserId: string): Entry[] {
  const opening: Entry = {
    key: 'description', fromSupport: false, author: sr.createdBy?.userPrincipalName ?? '', mine: !!sr.createdBy?.id && sr.createdBy.id === myUserId,
    at: sr.createdDateTime, text: sr.description,
  };
  const msgs = [...(sr.messages ?? [])].sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.id - b.id);
  return [opening, ...msgs.map((m) => {
    const fromSupport = m.from === 'support';
    return {
      key: `m${m.id}`, fromSupport, at: m.createdDateTime, text: m.text,
      author: (fromSupport ? m.author?.displayName : m.author?.userPrincipalName ?? m.author?.displayName) ?? '',
      mine: !fromSupport && !!m.author?.id && m.author.id === myUserId,
    };
  })];
}

/** Thread shows a request's conversation as a list a screen reader announces message by message, support's replies set apart. */
export function Thread({ request, myUserId }: { request: SupportRequest; myUserId: string }) {
  const { t } = useTranslation('support');
  const s = useStyles();
  const f = useFormat();
  const entries = threadEntries(request, myUserId);
  return (
    <ol className={s.list} aria-label={t('thread.label')}>
      {entries.map((e) => {
        const who = e.fromSupport ? e.author || t('thread.support') : e.mine ? t('thread.you') : e.author || t('thread.customer');
        return (
          <li key={e.key} className={mergeClasses(s.item, e.fromSupport && s.support)} aria-label={t('thread.entry', { who, when: f.dateTime(e.at) })}>
            <Avatar name={e.author || who} size={32} color={e.fromSupport ? 'brand' : 'colorful'} aria-hidden />
            <div className={s.body}>
              <div className={s.head}>
                <Text weight="semibold">{who}</Text>
                {e.fromSupport && <Badge appearance="tint" color="brand" size="small">{t('thread.supportBadge')}</Badge>}
                {e.key === 'description' && <Badge appearance="outline" size="small">{t('thread.opened')}</Badge>}
                <Text size={200} className={s.time}><time dateTime={e.at}>{f.dateTime(e.at)}</time></Text>
              </div>
              <p className={s.text}>{e.text}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
