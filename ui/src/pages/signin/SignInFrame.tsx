import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';
import { LanguageSelect } from '../../shell/LanguageSelect';
import { ThemeButton } from '../../shell/ThemeButton';

const useStyles = makeStyles({
  page: {
    minHeight: '100%', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalL, boxSizing: 'border-box',
  },
  card: { width: '100%', maxWidth: '440px', padding: tokens.spacingHorizontalXXL, boxSizing: 'border-box' },
  product: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** SignInFrame is the card every sign-in step is shown in, with the language and theme switches below it. */
export function SignInFrame({ title, intro, onSubmit, children }: {
  title: string; intro?: ReactNode; onSubmit?: () => void; children: ReactNode;
}) {
  const { t } = useTranslation();
  const s = useStyles();
  usePageTitle(title);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  return (
    <main className={s.page}>
      <Card className={s.card}>
        <Text className={s.product} size={500}>{t('product')}</Text>
        <Text as="h1" block size={600} weight="semibold">{title}</Text>
        {intro && <Text as="p">{intro}</Text>}
        {onSubmit ? <form className={s.form} onSubmit={submit} noValidate>{children}</form> : <div className={s.form}>{children}</div>}
      </Card>
      <div className={s.footer}>
        <LanguageSelect />
        <ThemeButton />
      </div>
    </main>
  );
}
