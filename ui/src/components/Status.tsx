import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

const useStyles = makeStyles({
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
  loading: { padding: tokens.spacingVerticalL },
});

/** Loading is the loading state of a page or card. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <Spinner className={useStyles().loading} size="small" label={label ?? t('status.loading')} />;
}

/** Empty is the empty state of a list or card. */
export function Empty({ children }: { children: string }) {
  return <Text as="p" className={useStyles().empty}>{children}</Text>;
}

/** errorText explains an error: for a 403 the server's message naming the missing permission and its roles. */
export function useErrorText() {
  const { t } = useTranslation();
  return (e: unknown): { title: string; message: string } => {
    if (e instanceof ApiError) {
      if (e.status === 0) return { title: t('error.network'), message: t('error.networkHint') };
      if (e.denied) return { title: t('error.denied'), message: e.message };
      if (e.status === 429) return { title: t('error.tooMany'), message: e.message };
      if (e.status >= 500) return { title: t('error.server'), message: e.message };
      return { title: t('error.failed'), message: e.message };
    }
    return { title: t('error.failed'), message: e instanceof Error ? e.message : String(e) };
  };
}

/** ErrorMessage shows a failed call in a message bar. */
export function ErrorMessage({ error }: { error: unknown }) {
  const text = useErrorText()(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle> {text.message}
      </MessageBarBody>
    </MessageBar>
  );
}
