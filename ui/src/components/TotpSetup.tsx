import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { TotpBegin } from '../api/types';
import { QrCode } from './QrCode';
import { ErrorMessage } from './Status';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scan: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'center' },
  secret: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, letterSpacing: '0.05em', wordBreak: 'break-all' },
  codes: { fontFamily: tokens.fontFamilyMonospace, display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXL}`, margin: 0, padding: 0, listStyleType: 'none' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** groups writes a secret in groups of four letters, easier to type. */
const groups = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/**
 * TotpSetup registers an authenticator app: it asks the server for a secret
 * (POST /api/me/mfa/totp), shows it as a QR code and as text, confirms it
 * with a code from the app (POST /api/me/mfa/totp/confirm), then shows the
 * recovery codes, this once.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('mfa');
  const s = useStyles();
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState(false);
  const begin = useMutation({ mutationFn: () => api.post<TotpBegin>('/api/me/mfa/totp') });
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/me/mfa/totp/confirm', { code: code.replace(/\s/g, '') }),
  });
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  if (confirm.data) {
    const codes = confirm.data.recoveryCodes;
    return (
      <div className={s.root}>
        <MessageBar intent="success"><MessageBarBody><MessageBarTitle>{t('setup.done')}</MessageBarTitle></MessageBarBody></MessageBar>
        <Text as="h2" block size={400} weight="semibold">{t('setup.codesTitle')}</Text>
        <Text as="p">{t('setup.codesText')}</Text>
        <ul className={s.codes} aria-label={t('setup.codesTitle')} data-testid="recovery-codes">
          {codes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <div className={s.row}>
          <Button icon={<Copy16Regular />} onClick={() => void copy(codes.join('\n'))}>{copied ? t('setup.copied') : t('setup.copyCodes')}</Button>
          <Button appearance="primary" onClick={onDone}>{t('setup.continue')}</Button>
        </div>
      </div>
    );
  }
  if (!begin.data) {
    return (
      <div className={s.root}>
        <Text as="p">{t('setup.intro')}</Text>
        {begin.error && <ErrorMessage error={begin.error} />}
        <Button appearance="primary" onClick={() => begin.mutate()} disabled={begin.isPending}>{t('setup.start')}</Button>
      </div>
    );
  }
  const { secret, otpauthUrl } = begin.data;
  return (
    <form className={s.root} noValidate onSubmit={(e) => { e.preventDefault(); if (code.trim()) confirm.mutate(); }}>
      <Text as="p">{t('setup.scan')}</Text>
      <div className={s.scan}>
        <QrCode text={otpauthUrl} label={t('setup.qr')} />
        <div>
          <Text block>{t('setup.orEnter')}</Text>
          <Text block className={s.secret} data-testid="totp-secret" data-secret={secret}>{groups(secret)}</Text>
          <Button size="small" appearance="subtle" icon={<Copy16Regular />} onClick={() => void copy(secret)}>
            {copied ? t('setup.copied') : t('setup.copySecret')}
          </Button>
        </div>
      </div>
      {confirm.error && <ErrorMessage error={confirm.error} />}
      <Field label={t('code.label')} hint={t('setup.codeHint')} required>
        <Input value={code} onChange={(_, d) => setCode(d.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={12} />
      </Field>
      <Button appearance="primary" type="submit" disabled={confirm.isPending || !code.trim()}>{t('setup.verify')}</Button>
    </form>
  );
}
