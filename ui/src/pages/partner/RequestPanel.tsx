import {
  Button, Checkbox, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, Field, Input, MessageBar, MessageBarBody, OverlayDrawer,
  Text, Textarea,
} from '@fluentui/react-components';
import { Copy20Regular, Dismiss24Regular, Mail20Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import type { Invitation } from './api';
import { usePanelStyles } from './styles';

/** mailtoLink is an e-mail draft for the user's mail app. */
export const mailtoLink = (subject: string, body: string) =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

/**
 * RequestPanel is "Request a reseller relationship" (partners.md §2.1):
 * whether to include delegated admin (only when the deployment allows DAP),
 * then the e-mail draft with the personal link, to copy or open in the
 * user's mail app. Nothing is stored until the customer accepts.
 */
export function RequestPanel({ dapEnabled, onClose }: { dapEnabled: boolean; onClose: () => void }) {
  const { t } = useTranslation('partner');
  const s = usePanelStyles();
  const notify = useNotify();
  const [dap, setDap] = useState(false);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<Invitation>('/api/partner/invitations', { delegatedAdmin: dapEnabled && dap }, { tenant: false }),
    onSuccess: (inv) => {
      setSubject(inv.emailSubject);
      setBody(inv.emailBody);
    },
  });
  const inv = create.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(body);
      notify(t('request.copied'));
    } catch {
      notify(t('request.copyFailed'), 'error');
    }
  };
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-label={t('request.title')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('close')} icon={<Dismiss24Regular />} onClick={onClose} />}>
          {t('request.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {!inv && (
          <>
            <Text>{t('request.intro')}</Text>
            {dapEnabled && (
              <div className={s.section}>
                <Checkbox checked={dap} onChange={(_, d) => setDap(!!d.checked)} label={t('request.includeDap')} />
                <Text size={200}>{t('request.dapHint')}</Text>
              </div>
            )}
            {!!create.error && <ErrorMessage error={create.error} />}
          </>
        )}
        {inv && (
          <>
            <Text>{t('request.draftIntro')}</Text>
            <Field label={t('request.subject')}>
              <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
            </Field>
            <Field label={t('request.body')}>
              <Textarea className={s.textarea} resize="vertical" value={body} onChange={(_, d) => setBody(d.value)} />
            </Field>
            {!body.includes(inv.url) && (
              <MessageBar intent="warning"><MessageBarBody>{t('request.keepLink')}</MessageBarBody></MessageBar>
            )}
            <div className={s.actions}>
              <Button icon={<Copy20Regular />} onClick={() => void copy()}>{t('request.copy')}</Button>
              <Button as="a" href={mailtoLink(subject, body)} icon={<Mail20Regular />}>{t('request.mail')}</Button>
            </div>
          </>
        )}
      </DrawerBody>
      <DrawerFooter>
        {!inv && (
          <>
            <Button appearance="primary" disabled={create.isPending} onClick={() => create.mutate()}>{t('request.next')}</Button>
            <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          </>
        )}
        {inv && <Button appearance="primary" onClick={onClose}>{t('request.done')}</Button>}
      </DrawerFooter>
    </OverlayDrawer>
  );
}
