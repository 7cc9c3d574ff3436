import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/Status';
import { useNotify } from '../../../components/useNotify';
import { download } from './data';

/** useSave downloads a file of the API (see download), with a toast when that fails; busy is the URL being fetched. */
export function useSave(failedKey = 'download.failed') {
  const { t } = useTranslation('import');
  const notify = useNotify();
  const errorText = useErrorText();
  const [busy, setBusy] = useState('');
  const save = async (url: string, name: string) => {
    setBusy(url);
    try {
      await download(url, name);
    } catch (e) {
      notify(t(failedKey, { message: errorText(e).message }), 'error');
    } finally {
      setBusy('');
    }
  };
  return { save, busy };
}
