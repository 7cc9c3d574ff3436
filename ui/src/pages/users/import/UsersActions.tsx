import { ArrowExportUp20Regular, PeopleAdd20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GuardedButton } from '../Guarded';
import { useSave } from './useSave';

/** exportUrl is GET /api/users/export, of the chosen custom view when there is one. */
export const exportUrl = (viewId?: string) => `/api/users/export${viewId ? `?viewId=${encodeURIComponent(viewId)}` : ''}`;

/** UsersActions are Active users' Add multiple users and Export users (a CSV of all users, or of the chosen view); both need users.write. */
export function UsersActions({ viewId }: { viewId?: string }) {
  const { t } = useTranslation('import');
  const navigate = useNavigate();
  const { save, busy } = useSave('export.failed');
  return (
    <>
      <GuardedButton perm="users.write" icon={<PeopleAdd20Regular />} onClick={() => navigate('/admin/users/import')}>{t('open')}</GuardedButton>
      <GuardedButton perm="users.write" appearance="subtle" icon={<ArrowExportUp20Regular />} disabled={busy !== ''}
        onClick={() => void save(exportUrl(viewId), 'users.csv')}>
        {t('export.button')}
      </GuardedButton>
    </>
  );
}
