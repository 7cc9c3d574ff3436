import { Badge, Button, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, Send20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { useFormat } from '../../i18n/format';
import { fieldError } from '../settings/form';
import { requestPath, severityColor, statusColor, type SupportMessage, type SupportRequest } from './model';
import { Thread } from './Thread';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  reply: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** RequestDetail is one service request: its facts, the conversation with support, a reply box and Close. */
export function RequestDetail({ id }: { id: string }) {
  const { t } = useTranslation('support');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const session = useSession().data;
  const [text, setText] = useState('');
  const [closing, setClosing] = useState(false);
  const q = useQuery({ queryKey: ['support', 'request', id], queryFn: () => api.get<SupportRequest>(requestPath(id)) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['support'] });
  const reply = useMutation({
    mutationFn: () => api.post<SupportMessage>(`${requestPath(id)}/messages`, { text }),
    onSuccess: () => { setText(''); notify(t('detail.sent')); refresh(); },
  });
  const close = useMutation({
    mutationFn: () => api.post<SupportRequest>(`${requestPath(id)}/close`),
    onSuccess: (sr) => { setClosing(false); notify(t('detail.closed', { id: sr.id })); qc.setQueryData(['support', 'request', id], sr); refresh(); },
  });
  const sr = q.data;
  const closed = sr?.status === 'closed';
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && !reply.isPending) reply.mutate();
  };
  const back = <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={() => navigate('/admin/support/requests')}>{t('detail.back')}</Button>;
  return (
    <Page title={sr?.title ?? id} actions={<>
      {back}
      {sr && !closed && <Button onClick={() => setClosing(true)}>{t('detail.close')}</Button>}
    </>}>
      {q.isPending && <Loading />}
      {q.error && <ErrorMessage error={q.error} />}
      {sr && (
        <>
          <dl className={s.facts} aria-label={t('detail.facts')}>
            <dt className={s.dt}>{t('field.id')}</dt><dd className={s.dd}>{sr.id}</dd>
            <dt className={s.dt}>{t('field.status')}</dt>
            <dd className={s.dd}><Badge appearance="tint" color={statusColor(sr.status)}>{t(`status.${sr.status}`, sr.status)}</Badge></dd>
            <dt className={s.dt}>{t('field.severity')}</dt>
            <dd className={s.dd}><Badge appearance="outline" color={severityColor(sr.severity)}>{t(`severity.${sr.severity}`, sr.severity)}</Badge></dd>
            <dt className={s.dt}>{t('field.service')}</dt><dd className={s.dd}>{t(`service.${sr.service}`, sr.service)}</dd>
            <dt className={s.dt}>{t('field.created')}</dt><dd className={s.dd}>{f.dateTime(sr.createdDateTime)}</dd>
            <dt className={s.dt}>{t('field.updated')}</dt><dd className={s.dd}>{f.dateTime(sr.lastModifiedDateTime)}</dd>
            <dt className={s.dt}>{t('field.contact')}</dt>
            <dd className={s.dd}>{[sr.contactName, sr.contactEmail, sr.contactPhone].filter(Boolean).join(' · ')}</dd>
            <dt className={s.dt}>{t('field.preferredContactMethod')}</dt>
            <dd className={s.dd}>{t(`contactMethod.${sr.preferredContactMethod}`, sr.preferredContactMethod)}</dd>
          </dl>
          <h2 className={s.h2}>{t('thread.title')}</h2>
          <Thread request={sr} myUserId={session?.userId ?? ''} />
          {closed ? (
            <MessageBar intent="info"><MessageBarBody>{t('detail.isClosed')}</MessageBarBody></MessageBar>
          ) : (
            <form className={s.reply} onSubmit={send} noValidate>
              {!!reply.error && !fieldError(reply.error, 'text') && <ErrorMessage error={reply.error} />}
              <Field label={t('detail.reply')} hint={t('detail.replyHint')} validationMessage={fieldError(reply.error, 'text')}>
                <Textarea value={text} rows={4} maxLength={10000} resize="vertical" onChange={(_, d) => setText(d.value)} />
              </Field>
              <div>
                <Button appearance="primary" type="submit" icon={<Send20Regular />} disabled={!text.trim() || reply.isPending}>{t('detail.send')}</Button>
              </div>
            </form>
          )}
          {closing && (
            <ConfirmDialog title={t('detail.closeTitle', { id: sr.id })} confirmLabel={t('detail.close')} busy={close.isPending}
              onConfirm={() => close.mutate()} onClose={() => { setClosing(false); close.reset(); }}>
              <Text block>{t('detail.closeText')}</Text>
              {!!close.error && <ErrorMessage error={close.error} />}
            </ConfirmDialog>
          )}
        </>
      )}
    </Page>
  );
}
