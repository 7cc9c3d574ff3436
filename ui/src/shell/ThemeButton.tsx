import { Button } from '@fluentui/react-components';
import { WeatherMoon20Regular, WeatherSunny20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../theme';

/** ThemeButton switches between the light and the dark theme; its name says what it does. The sign-in pages use it without a tooltip, which would bring Fluent's positioning code. */
export function ThemeButton() {
  const { t } = useTranslation();
  const { theme, toggle } = useTheme();
  const label = theme === 'dark' ? t('header.lightTheme') : t('header.darkTheme');
  return <Button appearance="subtle" icon={theme === 'dark' ? <WeatherSunny20Regular /> : <WeatherMoon20Regular />} onClick={toggle} aria-label={label} title={label} />;
}
