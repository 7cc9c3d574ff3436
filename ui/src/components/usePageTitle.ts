import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** usePageTitle sets the browser tab's title to the page's name. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} - ${t('product')}`;
  }, [title, t]);
}
