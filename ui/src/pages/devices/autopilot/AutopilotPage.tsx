import {
  Badge, Button, Link, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@fluentui/react-components';
import { Add20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { usePanelStyles } from '../../partner/styles';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { AddDeviceDialog, UploadCsvDialog } from './AddDevices';
import { AutopilotDevicePanel } from './AutopilotDevicePanel';
import { addedBy, base, devicesKey, useProfiles, type AutopilotDevice } from './api';
import { ProfilesTab } from './ProfilesTab';

/**
 * AutopilotPage is Devices → Autopilot devices (partners.md §8;
 * devices.manage): the devices registered for Windows Autopilot at
 * /admin/devices/autopilot, and the deployment profiles at
 * /admin/devices/autopilot/profiles.
 */
export default function AutopilotPage() {
  const { t } = useTranslation('autopilot');
  const tab = useParams()['*'] === 'profiles' ? 'profiles' : 'devices';
  const navigate = useNavigate();
  return (
    <Page title={t('title')} intro={t('intro')}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => navigate(d.value === 'profiles' ? '/admin/devices/autopilot/profiles' : '/admin/devices/autopilot')}>
        <Tab value="devices">{t('tab.devices')}</Tab>
        <Tab value="profiles">{t('tab.profiles')}</Tab>
      </TabList>
      {tab === 'devices' ? <DevicesTab /> : <ProfilesTab />}
    </Page>
  );
}

function DevicesTab() {
  const { t } = useTranslation('autopilot');
  const s = usePanelStyles();
  const q = useQuery({ queryKey: devicesKey, queryFn: () => api.get<{ value: AutopilotDevice[] }>(base) });
  const profiles = useProfiles();
  const [dialog, setDialog] = useState<'upload' | 'add'>();
  const [openId, setOpenId] = useState<string>();
  const open = q.data?.value.find((d) => d.id === openId);
  const who = (d: AutopilotDevice) => {
    const [k, v] = addedBy(d);
    return t(k, v);
  };
  const profileName = (id: string | null) => (id ? profiles.data?.value.find((p) => p.id === id)?.name ?? id : '');
  return (
    <>
      <div className={s.actions}>
        <Button icon={<ArrowUpload20Regular />} onClick={() => setDialog('upload')}>{t('upload.button')}</Button>
        <Button icon={<Add20Regular />} onClick={() => setDialog('add')}>{t('add.button')}</Button>
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('table')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.serialNumber')}</TableHeaderCell>
              <TableHeaderCell>{t('column.manufacturer')}</TableHeaderCell>
              <TableHeaderCell>{t('column.model')}</TableHeaderCell>
              <TableHeaderCell>{t('column.groupTag')}</TableHeaderCell>
              <TableHeaderCell>{t('column.addedBy')}</TableHeaderCell>
              <TableHeaderCell>{t('column.profile')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((d) => (
              <TableRow key={d.id}>
                <TableCell><Link onClick={() => setOpenId(d.id)}>{d.serialNumber || d.productKey || d.id}</Link></TableCell>
                <TableCell>{d.manufacturer}</TableCell>
                <TableCell>{d.model}</TableCell>
                <TableCell>{d.groupTag}</TableCell>
                <TableCell>{who(d)}</TableCell>
                <TableCell>
                  {profileName(d.deploymentProfileId)}{' '}
                  <Badge appearance="tint" color={d.profileAssignmentStatus === 'assigned' ? 'success' : d.profileAssignmentStatus === 'failed' ? 'danger' : 'informative'}>
                    {t(`status.${d.profileAssignmentStatus}`, d.profileAssignmentStatus)}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dialog === 'upload' && <UploadCsvDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'add' && <AddDeviceDialog onClose={() => setDialog(undefined)} />}
      {open && <AutopilotDevicePanel device={open} profiles={profiles.data?.value ?? []} onClose={() => setOpenId(undefined)} />}
    </>
  );
}
