import { Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { MyAdmins } from '../api/types';
import { Empty, ErrorMessage, Loading } from './Status';

const useStyles = makeStyles({
  card: { maxWidth: '560px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  help: { color: tokens.colorNeutralForeground3 },
});

/** ContactAdmins is the "Contact your admin" panel (admin-center.md §3): the help desk, the Global admins (when the organization shows them) and technical contacts. */
export function ContactAdmins() {
  const { t } = useTranslation();
  const s = useStyles();
  const q = useQuery({ queryKey: ['myAdmins'], queryFn: () => api.get<MyAdmins>('/api/myAdmins') });
  const hd = q.data?.helpdesk;
  // Only web addresses become links.
  const web = hd?.url && /^https?:\/\//i.test(hd.url) ? hd.url : '';
  return (
    <Card className={s.card} role="region" aria-labelledby="contact-admins">
      <CardHeader header={<Text as="h2" block id="contact-admins" weight="semibold" size={400}>{t('contact.title')}</Text>} />
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <>
          {hd && (hd.phone || hd.email || web) && (
            <div aria-label={t('contact.helpdesk')} role="group">
              <Text weight="semibold" block>{t('contact.helpdesk')}</Text>
              {hd.phone && <Link href={`tel:${hd.phone.replace(/[^+\d]/g, '')}`}>{hd.phone}</Link>}
              {hd.email && <Text block><Link href={`mailto:${hd.email}`}>{hd.email}</Link></Text>}
              {web && <Text block><Link href={web} target="_blank" rel="noopener noreferrer">{web}</Link></Text>}
            </div>
          )}
          {q.data.globalAdmins.length === 0 && q.data.technicalContacts.length === 0 && !hd?.phone && !hd?.email && !web && <Empty>{t('contact.none')}</Empty>}
          {q.data.globalAdmins.length > 0 && (
            <ul className={s.list} aria-label={t('contact.admins')}>
              {q.data.globalAdmins.map((a) => (
                <li key={a.userPrincipalName}>
                  <Text weight="semibold">{a.displayName}</Text>
                  <br />
                  <Link href={`mailto:${a.mail ?? a.userPrincipalName}`}>{a.mail ?? a.userPrincipalName}</Link>
                  {a.businessPhones.map((p) => <Text key={p} block>{p}</Text>)}
                </li>
              ))}
            </ul>
          )}
          {q.data.technicalContacts.length > 0 && (
            <Text block>
              {t('contact.technical')}{' '}
              {q.data.technicalContacts.map((m, i) => <span key={m}>{i > 0 && ', '}<Link href={`mailto:${m}`}>{m}</Link></span>)}
            </Text>
          )}
        </>
      )}
      <Text className={s.help} size={200}>{t('contact.help')}</Text>
    </Card>
  );
}
