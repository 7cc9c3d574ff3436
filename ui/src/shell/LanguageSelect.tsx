import { Select, makeStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, storeLanguage, type Language } from '../i18n/language';

const useStyles = makeStyles({ label: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' } });

/** LanguageSelect is the sign-in pages' light language switch: a native select, without the menu machinery of the header's LanguageMenu. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={useStyles().label}>{t('header.language')}</label>
      <Select id={id} appearance="filled-lighter" value={i18n.language} onChange={(_, d) => {
        storeLanguage(d.value as Language);
        void i18n.changeLanguage(d.value);
      }}>
        {languages.map((l) => <option key={l} value={l} lang={l}>{t(`language.${l}`, { lng: l })}</option>)}
      </Select>
    </>
  );
}
