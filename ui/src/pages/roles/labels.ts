import { useTranslation } from 'react-i18next';
import type { MatrixRole } from './matrix';

/**
 * useRoleLabel names a role in the UI's language: the catalog has the
 * seed's eight roles by template id; any other role keeps the server's label.
 */
export function useRoleLabel() {
  const { t, i18n } = useTranslation('roles');
  return (r: Pick<MatrixRole, 'templateId' | 'label'>) => {
    const key = `role.${r.templateId}.label`;
    return i18n.exists(key, { ns: 'roles' }) ? t(key) : r.label;
  };
}
