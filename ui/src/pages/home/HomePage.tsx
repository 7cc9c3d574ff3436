import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { HealthCards } from '../health/HomeCards';
import { AdminSecurityCard } from './AdminSecurityCard';
import { DomainsCard } from './DomainsCard';
import { LicensesCard } from './LicensesCard';
import { RolesCard } from './RolesCard';
import { UsersCard } from './UsersCard';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
});

/** HomePage is the admin center's start page: cards with the organization's users, domains, roles and admin alerts. */
export default function HomePage() {
  const { t } = useTranslation('home');
  const session = useSession().data!;
  const read = can(session, 'org.read');
  return (
    <Page title={t('title')} intro={t('welcome', { name: session.displayName, organization: session.tenantName })}>
      <div className={useStyles().grid}>
        {read && <UsersCard />}
        {read && <DomainsCard />}
        {read && <AdminSecurityCard />}
        {read && <RolesCard />}
        {(can(session, 'licenses.read') || can(session, 'billing.manage')) && <LicensesCard />}
        <HealthCards />
      </div>
    </Page>
  );
}
