import { Tab, TabList, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading } from '../../components/Status';
import { useRoleLabel } from './labels';
import { useMatrix } from './matrix';
import { PermissionMatrix } from './PermissionMatrix';
import { RoleMembers } from './RoleMembers';

/** RolePage is one role: its description, who holds it (Assigned) and its column of the matrix (Permissions); ?tab= deep-links a tab. */
export function RolePage({ templateId }: { templateId: string }) {
  const { t } = useTranslation('roles');
  const roleLabel = useRoleLabel();
  const matrix = useMatrix();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'permissions' ? 'permissions' : 'assigned';
  const role = matrix.data?.roles.find((r) => r.templateId.toLowerCase() === templateId.toLowerCase());
  const back = <RouterLink to="/admin/roles">{t('page.back')}</RouterLink>;
  if (matrix.isPending) return <Loading />;
  if (matrix.error) return <ErrorMessage error={matrix.error} />;
  if (!role) {
    return <Page title={t('title')} actions={back}><Text>{t('page.notFound')}</Text></Page>;
  }
  return (
    <Page title={roleLabel(role)} intro={role.description} actions={back}>
      <Text size={200}>{role.displayName}</Text>
      <TabList aria-label={t('page.tabs')} selectedValue={tab}
        onTabSelect={(_, d) => setParams(d.value === 'assigned' ? {} : { tab: String(d.value) }, { replace: true })}>
        <Tab value="assigned">{t('page.assigned')}</Tab>
        <Tab value="permissions">{t('page.permissions')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'assigned' ? t('page.assigned') : t('page.permissions')}>
        {tab === 'assigned'
          ? <RoleMembers role={role} />
          : <PermissionMatrix matrix={matrix.data!} roles={[role]} caption={t('page.permissions')} />}
      </div>
    </Page>
  );
}
