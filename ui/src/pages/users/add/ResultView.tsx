import { Button, DialogActions, DialogContent, DialogTitle, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Print20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { SecretValue } from '../SecretValue';
import type { Provisioned } from './model';
import { PrintSheet } from './PrintSheet';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** ResultView is the wizard's last page: the sign-in name and the password or link (shown once, with Copy and Print), and what else was done. */
export function ResultView({ result, productName, roleName, forced, onAnother, onClose }: {
  result: Provisioned; productName: (skuId: string) => string; roleName: (templateId: string) => string; forced: boolean;
  onAnother: () => void; onClose: () => void;
}) {
  const { t } = useTranslation('adduser');
  const f = useFormat();
  const s = useStyles();
  const name = result.user.displayName ?? result.userPrincipalName;
  return (
    <>
      <DialogTitle>{t('done.title', { name })}</DialogTitle>
      <DialogContent className={s.col}>
        <MessageBar intent="success"><MessageBarBody>{t(result.setPasswordUrl ? 'done.linkText' : 'done.passwordText')}</MessageBarBody></MessageBar>
        <SecretValue label={t('done.username')} value={result.userPrincipalName} testId="created-upn" />
        {result.temporaryPassword && <SecretValue label={t('done.password')} value={result.temporaryPassword} testId="created-password" />}
        {result.temporaryPassword && forced && <Text>{t('done.mustChange')}</Text>}
        {result.setPasswordUrl && <SecretValue label={t('done.link')} value={result.setPasswordUrl} testId="created-link" />}
        {result.setPasswordExpiresDateTime && <Text>{t('done.expires', { date: f.dateTime(result.setPasswordExpiresDateTime) })}</Text>}
        {result.licenses.length > 0 && (
          <div>
            <Text weight="semibold">{t('done.licenses')}</Text>
            <ul className={s.list}>{result.licenses.map((l) => <li key={l.skuId}>{productName(l.skuId)}</li>)}</ul>
          </div>
        )}
        {result.roles.length > 0 && (
          <div>
            <Text weight="semibold">{t('done.roles')}</Text>
            <ul className={s.list}>{result.roles.map((r) => <li key={r}>{roleName(r)}</li>)}</ul>
          </div>
        )}
        {result.purchased.map((p) => <Text key={p.skuId}>{t('done.purchased', { count: p.quantity, product: productName(p.skuId) })}</Text>)}
        {result.emailsQueued > 0 && <Text>{t('done.emails', { count: result.emailsQueued })}</Text>}
        <PrintSheet result={result} name={name} />
      </DialogContent>
      <DialogActions>
        <Button icon={<Print20Regular />} onClick={() => window.print()}>{t('done.print')}</Button>
        <Button appearance="secondary" onClick={onAnother}>{t('done.another')}</Button>
        <Button appearance="primary" onClick={onClose}>{t('common:action.close')}</Button>
      </DialogActions>
    </>
  );
}
