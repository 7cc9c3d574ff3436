import { useTranslation } from 'react-i18next';
import { serviceId } from './model';

/** useServiceLabel names a service (by id or by the server's English name) in the UI's language; an unknown one keeps its name. */
export function useServiceLabel() {
  const { t } = useTranslation('health');
  return (idOrName: string) => {
    const id = serviceId(idOrName);
    return id ? t(`service.${id}`) : idOrName;
  };
}
