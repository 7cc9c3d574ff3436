import {
  Button, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { can, useSession } from '../../api/session';
import type { Collection, Domain, DomainDnsRecord } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading, useErrorText } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { DomainStatus } from './status';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  section: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  table: { alignSelf: 'stretch' },
});

/** DomainDetail is one domain: status, the TXT record that proves ownership with Verify, Set as default and Remove. */
export function DomainDetail() {
  const { t } = useTranslation('domains');
  const s = useStyles();
  const name = useParams().name!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const notify = useNotify();
  const errorText = useErrorText();
  const manage = can(useSession().data, 'domains.manage');
  const [removing, setRemoving] = useState(false);
  const path = `/v1.0/domains/${encodeURIComponent(name)}`;
  const q = useQuery({ queryKey: ['domains', name], queryFn: () => api.get<Domain>(path) });
  const records = useQuery({
    queryKey: ['domains', name, 'dns'], enabled: q.data?.isVerified === false,
    queryFn: () => api.get<Collection<DomainDnsRecord>>(`${path}/verificationDnsRecords`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['domains'] });
  const verify = useMutation({ mutationFn: () => api.post<Domain>(`${path}/verify`), onSuccess: () => { notify(t('verify.done', { name })); void refresh(); } });
  const makeDefault = useMutation({ mutationFn: () => api.patch(path, { isDefault: true }), onSuccess: () => { notify(t('default.done', { name })); void refresh(); } });
  const remove = useMutation({
    mutationFn: () => api.del(path),
    onSuccess: () => { notify(t('remove.done', { name })); void refresh(); navigate('/admin/settings/domains'); },
  });
  const copy = (text: string) => void navigator.clipboard?.writeText(text).then(() => notify(t('copied'), 'info'), () => undefined);
  const d = q.data;
  return (
    <Page title={name} actions={<RouterLink to="/admin/settings/domains">{t('back')}</RouterLink>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {d && (
        <>
          <div className={s.row}><Text weight="semibold">{t('column.status')}</Text> <DomainStatus domain={d} /></div>
          {!d.isVerified && (
            <section aria-labelledby="verify-title" className={s.section}>
              <Text as="h2" block id="verify-title" size={500} weight="semibold">{t('verify.title')}</Text>
              <Text as="p">{t('verify.intro')}</Text>
              {records.isPending && <Loading />}
              {records.error && <ErrorMessage error={records.error} />}
              {records.data && (
                <Table aria-labelledby="verify-title" className={s.table}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('record.type')}</TableHeaderCell>
                      <TableHeaderCell>{t('record.host')}</TableHeaderCell>
                      <TableHeaderCell>{t('record.value')}</TableHeaderCell>
                      <TableHeaderCell>{t('record.ttl')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {records.data.value.map((r) => (
                      <TableRow key={r.text}>
                        <TableCell>{r.recordType.toUpperCase()}</TableCell>
                        <TableCell>@</TableCell>
                        <TableCell>
                          <div className={s.row}>
                            <span className={s.value} data-testid="txt-value">{r.text}</span>
                            <Button size="small" appearance="subtle" icon={<Copy16Regular />} aria-label={t('record.copy')} onClick={() => copy(r.text)} />
                          </div>
                        </TableCell>
                        <TableCell>{r.ttl}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {verify.error && (
                <MessageBar intent="error" role="alert" className={s.table}>
                  <MessageBarBody><MessageBarTitle>{t('verify.failed')}</MessageBarTitle> {errorText(verify.error).message}</MessageBarBody>
                </MessageBar>
              )}
              {manage && <Button appearance="primary" onClick={() => verify.mutate()} disabled={verify.isPending}>{t('verify.button')}</Button>}
            </section>
          )}
          {manage && (
            <div className={s.row}>
              {d.isVerified && !d.isDefault && <Button onClick={() => makeDefault.mutate()} disabled={makeDefault.isPending}>{t('default.button')}</Button>}
              {!d.isInitial && !d.isDefault && <Button onClick={() => setRemoving(true)}>{t('remove.button')}</Button>}
            </div>
          )}
          {makeDefault.error && <ErrorMessage error={makeDefault.error} />}
          {removing && (
            <ConfirmDialog title={t('remove.title', { name })} confirmLabel={t('remove.button')} busy={remove.isPending}
              onConfirm={() => remove.mutate()} onClose={() => setRemoving(false)}>
              {remove.error ? <ErrorMessage error={remove.error} /> : t('remove.text')}
            </ConfirmDialog>
          )}
        </>
      )}
    </Page>
  );
}
