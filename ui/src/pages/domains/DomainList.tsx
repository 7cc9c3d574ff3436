import {
  Badge, Button, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { can, useSession } from '../../api/session';
import type { Collection, Domain } from '../../api/types';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { AddDomainDialog } from './AddDomainDialog';
import { DomainStatus } from './status';

const useStyles = makeStyles({ badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' } });

/** DomainList lists the organization's domains with their status; domains.manage holders add new ones. */
export function DomainList() {
  const { t } = useTranslation('domains');
  const s = useStyles();
  const session = useSession().data!;
  const manage = can(session, 'domains.manage');
  const [adding, setAdding] = useState(false);
  const q = useQuery({ queryKey: ['domains'], queryFn: () => api.get<Collection<Domain>>('/v1.0/domains') });
  return (
    <Page title={t('title')} intro={t('intro')}
      actions={manage && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>{t('add.button')}</Button>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.data.value.length === 0 && <Empty>{t('empty')}</Empty>}
      {q.data && q.data.value.length > 0 && (
        <Table aria-label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('column.status')}</TableHeaderCell>
              <TableHeaderCell>{t('column.authentication')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.value.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <TableCellLayout>
                    <div className={s.badges}>
                      <RouterLink to={`/admin/settings/domains/${encodeURIComponent(d.id)}`}>{d.id}</RouterLink>
                      {d.isDefault && <Badge appearance="outline">{t('defaultBadge')}</Badge>}
                      {d.isInitial && <Badge appearance="outline" color="informative">{t('initial')}</Badge>}
                    </div>
                  </TableCellLayout>
                </TableCell>
                <TableCell><DomainStatus domain={d} /></TableCell>
                <TableCell>{d.authenticationType === 'Federated' ? t('auth.federated') : t('auth.managed')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {adding && <AddDomainDialog onClose={() => setAdding(false)} />}
    </Page>
  );
}
