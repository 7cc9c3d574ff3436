import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { BrandingSection } from './BrandingSection';
import { HelpdeskSection } from './HelpdeskSection';
import { OrgProfileSection } from './OrgProfileSection';
import { PasswordPolicySection } from './PasswordPolicySection';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

/**
 * OrgSettingsPage is Settings → Org settings at /admin/settings/org:
 * Organization profile (information, help desk, sign-in branding) and
 * Security & privacy (password policy), ?tab=security deep-links the latter.
 */
export default function OrgSettingsPage() {
  const { t } = useTranslation('settings');
  const s = useStyles();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'security' ? 'security' : 'profile';
  return (
    <Page title={t('title')} intro={t('intro')}>
      <TabList aria-label={t('tabs')} selectedValue={tab} onTabSelect={(_, d) => setParams(d.value === 'profile' ? {} : { tab: String(d.value) }, { replace: true })}>
        <Tab value="profile">{t('tab.profile')}</Tab>
        <Tab value="security">{t('tab.security')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t(`tab.${tab}`)} className={s.col}>
        {tab === 'profile' ? (
          <>
            <OrgProfileSection />
            <HelpdeskSection />
            <BrandingSection />
          </>
        ) : <PasswordPolicySection />}
      </div>
    </Page>
  );
}
