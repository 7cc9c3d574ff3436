import {
  Badge, Button, Field, SearchBox, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { eventual, usePaged } from '../groups/paging';
import { devicesPath, osFamilies, type Device, type DeviceFilter } from './model';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { minWidth: '280px' },
  filter: { minWidth: '180px' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { '& td': { overflowWrap: 'anywhere' } },
});

/** DeviceList lists the organization's registered devices by name, 50 at a time, searched by name and filtered by operating system. */
export function DeviceList() {
  const { t } = useTranslation('devices');
  const s = useStyles();
  const f = useFormat();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<DeviceFilter>({ name: '', os: '' });
  const q = usePaged<Device>(['devices', 'list', filter], devicesPath(filter), eventual);
  const filtered = filter.name.trim() !== '' || filter.os !== '';
  return (
    <Page title={t('title')} intro={t('intro')}>
      <form role="search" aria-label={t('filters')} className={s.bar} onSubmit={(e) => { e.preventDefault(); setFilter({ ...filter, name: text }); }}>
        <Field label={t('search')} className={s.search}>
          <SearchBox value={text} placeholder={t('searchPlaceholder')}
            onChange={(_, d) => { setText(d.value); if (d.value === '') setFilter({ ...filter, name: '' }); }} />
        </Field>
        <Field label={t('field.os')} className={s.filter}>
          <Select value={filter.os} onChange={(_, d) => setFilter({ ...filter, os: d.value })}>
            <option value="">{t('anyOs')}</option>
            {osFamilies.map((o) => <option key={o} value={o}>{o}</option>)}
          </Select>
        </Field>
        <Button type="submit">{t('apply')}</Button>
      </form>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && q.items.length === 0 && <Empty>{filtered ? t('noMatch') : t('empty')}</Empty>}
      {q.items.length > 0 && (
        <>
          {q.count !== undefined && <Text className={s.muted}>{t('shown', { shown: f.number(q.items.length), total: f.number(q.count) })}</Text>}
          <Table aria-label={t('title')} className={s.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('field.name')}</TableHeaderCell>
                <TableHeaderCell>{t('field.os')}</TableHeaderCell>
                <TableHeaderCell>{t('field.trustType')}</TableHeaderCell>
                <TableHeaderCell>{t('field.enabled')}</TableHeaderCell>
                <TableHeaderCell>{t('field.registered')}</TableHeaderCell>
                <TableHeaderCell>{t('field.lastSignIn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.items.map((d) => (
                <TableRow key={d.id}>
                  <TableCell><RouterLink to={`/admin/devices/${d.id}`}>{d.displayName}</RouterLink></TableCell>
                  <TableCell>{[d.operatingSystem, d.operatingSystemVersion].filter(Boolean).join(' ')}</TableCell>
                  <TableCell>{t(`trust.${d.trustType}`, d.trustType)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={d.accountEnabled ? 'success' : 'subtle'}>{d.accountEnabled ? t('enabled') : t('disabled')}</Badge>
                  </TableCell>
                  <TableCell>{d.registrationDateTime ? f.date(d.registrationDateTime) : ''}</TableCell>
                  <TableCell>{d.approximateLastSignInDateTime ? f.dateTime(d.approximateLastSignInDateTime) : t('never')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {q.hasNextPage && (
            <div><Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{t('more')}</Button></div>
          )}
        </>
      )}
    </Page>
  );
}
