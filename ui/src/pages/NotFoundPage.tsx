import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../components/usePageTitle';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalXL } });

/** NotFoundPage answers a link to a page the app doesn't have. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <section className={useStyles().root}>
      <Text as="h1" block size={700} weight="semibold">{t('notFound.title')}</Text>
      <Text as="p">{t('notFound.text')}</Text>
      <RouterLink to="/">{t('notFound.home')}</RouterLink>
    </section>
  );
}
