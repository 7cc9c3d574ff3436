import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { PersonKey24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Collection, RoleAssignment, RoleDefinition } from '../../api/types';
import { InfoCard } from '../../components/InfoCard';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';

async function rolesSummary() {
  const [defs, assignments] = await Promise.all([
    api.get<Collection<RoleDefinition>>('/v1.0/roleManagement/directory/roleDefinitions'),
    api.get<Collection<RoleAssignment>>('/v1.0/roleManagement/directory/roleAssignments'),
  ]);
  const counts = new Map<string, number>();
  for (const a of assignments.value) counts.set(a.roleDefinitionId, (counts.get(a.roleDefinitionId) ?? 0) + 1);
  return defs.value.filter((d) => counts.has(d.id)).map((d) => ({ id: d.id, name: d.displayName, count: counts.get(d.id)! }));
}

/** RolesCard lists the roles in use and how many admins hold each. */
export function RolesCard() {
  const { t } = useTranslation('home');
  const f = useFormat();
  const q = useQuery({ queryKey: ['home', 'roles'], queryFn: rolesSummary });
  return (
    <InfoCard id="roles" title={t('roles.title')} icon={<PersonKey24Regular />}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.length === 0 && <Empty>{t('roles.none')}</Empty>}
      {q.data && q.data.length > 0 && (
        <Table size="small" aria-labelledby="card-roles">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('roles.role')}</TableHeaderCell>
              <TableHeaderCell>{t('roles.admins')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.name}</TableCell>
                <TableCell><Text>{f.number(r.count)}</Text></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
