import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosed48Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ContactAdmins } from '../components/ContactAdmins';
import { usePageTitle } from '../components/usePageTitle';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  icon: { color: tokens.colorNeutralForeground3 },
});

/** NoAccessPage tells a user the page is not theirs to open (admin-center.md §3), with the way to My account and to their admins. */
export default function NoAccessPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = useStyles();
  usePageTitle(t('noAccess.title'));
  return (
    <section className={s.root} aria-labelledby="no-access">
      <LockClosed48Regular className={s.icon} aria-hidden />
      <Text as="h1" block id="no-access" size={800} weight="semibold">{t('noAccess.title')}</Text>
      <Text as="p" size={400}>{t('noAccess.text')}</Text>
      <Button appearance="primary" onClick={() => navigate('/myaccount')}>{t('noAccess.myAccount')}</Button>
      <ContactAdmins />
    </section>
  );
}
