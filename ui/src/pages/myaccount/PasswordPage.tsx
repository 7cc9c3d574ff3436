import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { Page } from '../../components/Page';

/** PasswordPage changes the user's own password. */
export default function PasswordPage() {
  const { t } = useTranslation('myaccount');
  const [done, setDone] = useState(false);
  return (
    <Page title={t('password.title')} intro={t('password.intro')}>
      {done && <MessageBar intent="success"><MessageBarBody>{t('password.done')}</MessageBarBody></MessageBar>}
      <ChangePasswordForm submitLabel={t('password.submit')} onDone={() => setDone(true)} />
    </Page>
  );
}
