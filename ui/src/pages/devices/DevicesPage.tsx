import { useParams } from 'react-router';
import { DeviceList } from './DeviceList';
import { DevicePanel } from './DevicePanel';

/** DevicesPage is Devices at /admin/devices; /admin/devices/{id} opens a device's details panel over the list. */
export default function DevicesPage() {
  const id = useParams()['*']?.split('/')[0];
  return (
    <>
      <DeviceList />
      {id && <DevicePanel id={decodeURIComponent(id)} />}
    </>
  );
}
