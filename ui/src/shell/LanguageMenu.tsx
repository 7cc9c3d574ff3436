import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, type MenuProps } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { languages, storeLanguage, type Language } from '../i18n/language';

/** LanguageMenu switches the app's language and remembers the choice. */
export function LanguageMenu({ appearance = 'subtle' }: { appearance?: 'subtle' | 'transparent' }) {
  const { t, i18n } = useTranslation();
  const onChange: MenuProps['onCheckedValueChange'] = (_, { checkedItems }) => {
    const l = checkedItems[0] as Language;
    storeLanguage(l);
    void i18n.changeLanguage(l);
  };
  return (
    <Menu checkedValues={{ language: [i18n.language] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance={appearance} icon={<LocalLanguage20Regular />} aria-label={t('header.language')}>
          {t(`language.${i18n.language}`)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {languages.map((l) => (
            <MenuItemRadio key={l} name="language" value={l} lang={l}>
              {t(`language.${l}`, { lng: l })}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
