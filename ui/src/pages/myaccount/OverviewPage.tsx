import { Avatar, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { ContactAdmins } from '../../components/ContactAdmins';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { myAccountPages } from './pages';
import { usePhoto } from './usePhoto';

const useStyles = makeStyles({
  who: { display: 'flex', flexDirection: 'row', gap: tokens.spacingHorizontalL, alignItems: 'center', padding: tokens.spacingHorizontalL, maxWidth: '560px' },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', margin: 0, padding: 0, listStyleType: 'none' },
});

/** OverviewPage is My account's start: who you are, your organization, who your admins are, and the other pages. */
export default function OverviewPage() {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const session = useSession().data!;
  const { url } = usePhoto();
  const name = session.displayName || session.userPrincipalName;
  return (
    <Page title={t('overview.title')}>
      <Card className={s.who}>
        <Avatar name={name} image={url ? { src: url, alt: '' } : undefined} size={72} color="colorful" />
        <div>
          <Text as="h2" block size={600} weight="semibold">{name}</Text>
          <Text block>{session.userPrincipalName}</Text>
          <Text block>{t('overview.organization', { organization: session.tenantName })}</Text>
        </div>
      </Card>
      <nav aria-label={t('overview.more')}>
        <ul className={s.links}>
          {myAccountPages.filter((p) => p.path).map((p) => (
            <li key={p.path}><RouterLink to={`/myaccount/${p.path}`}>{t(`common:${p.label}`)}</RouterLink></li>
          ))}
        </ul>
      </nav>
      <ContactAdmins />
    </Page>
  );
}
