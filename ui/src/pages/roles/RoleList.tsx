import {
  MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection, RoleAssignment } from '../../api/types';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useRoleLabel } from './labels';
import { useMatrix } from './matrix';
import { PermissionMatrix } from './PermissionMatrix';

const useStyles = makeStyles({
  band: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  secondary: { color: tokens.colorNeutralForeground3, display: 'block' },
});

/** useAssignmentCounts counts the role assignments per role template. */
export function useAssignmentCounts() {
  return useQuery({
    queryKey: ['roleAssignments'],
    queryFn: async () => {
      const all = await api.get<Collection<RoleAssignment>>('/v1.0/roleManagement/directory/roleAssignments');
      const counts = new Map<string, number>();
      for (const a of all.value) counts.set(a.roleDefinitionId, (counts.get(a.roleDefinitionId) ?? 0) + 1);
      return counts;
    },
  });
}

/** RoleList is the Roles page: warnings, the eight built-in roles with their admin counts, and the whole permission matrix. */
export function RoleList() {
  const { t } = useTranslation('roles');
  const s = useStyles();
  const f = useFormat();
  const roleLabel = useRoleLabel();
  const matrix = useMatrix();
  const counts = useAssignmentCounts();
  const warnings = useQuery({ queryKey: ['roleWarnings'], queryFn: () => api.get<{ warnings: string[] }>('/api/roles/warnings') });
  return (
    <Page title={t('title')} intro={t('intro')}>
      {warnings.error && <ErrorMessage error={warnings.error} />}
      {warnings.data && warnings.data.warnings.length > 0 && (
        <section className={s.band} aria-label={t('warningsTitle')}>
          {warnings.data.warnings.map((w) => (
            // The server words these warnings.
            <MessageBar key={w} intent="warning" layout="multiline"><MessageBarBody>{w}</MessageBarBody></MessageBar>
          ))}
        </section>
      )}
      <MessageBar intent="info" layout="multiline"><MessageBarBody>{t('partnerNote')}</MessageBarBody></MessageBar>
      {matrix.isPending && <Loading />}
      {matrix.error && <ErrorMessage error={matrix.error} />}
      {counts.error && <ErrorMessage error={counts.error} />}
      {matrix.data && matrix.data.roles.length === 0 && <Empty>{t('empty')}</Empty>}
      {matrix.data && matrix.data.roles.length > 0 && (
        <>
          <Table aria-label={t('title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('column.role')}</TableHeaderCell>
                <TableHeaderCell>{t('column.description')}</TableHeaderCell>
                <TableHeaderCell>{t('column.assigned')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {matrix.data.roles.map((r) => (
                <TableRow key={r.templateId}>
                  <TableCell>
                    <RouterLink to={`/admin/roles/${r.templateId}`}>{roleLabel(r)}</RouterLink>
                    <Text size={200} className={s.secondary}>{r.displayName}</Text>
                  </TableCell>
                  <TableCell>{r.description}</TableCell>
                  <TableCell>{counts.data ? f.number(counts.data.get(r.templateId) ?? 0) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <section aria-labelledby="matrix-title">
            <Text as="h2" block id="matrix-title" size={500} weight="semibold">{t('matrix.title')}</Text>
            <Text as="p" block>{t('matrix.intro')}</Text>
            <PermissionMatrix matrix={matrix.data} caption={t('matrix.caption')} />
          </section>
        </>
      )}
    </Page>
  );
}
