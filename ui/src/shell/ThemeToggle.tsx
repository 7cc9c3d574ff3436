import { Button, Tooltip } from '@fluentui/react-components';
import { WeatherMoon20Regular, WeatherSunny20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../theme';

/** ThemeToggle is ThemeButton with a tooltip, for the header. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { theme, toggle } = useTheme();
  const label = theme === 'dark' ? t('header.lightTheme') : t('header.darkTheme');
  return (
    <Tooltip content={label} relationship="label">
      <Button appearance="subtle" icon={theme === 'dark' ? <WeatherSunny20Regular /> : <WeatherMoon20Regular />}
        onClick={toggle} aria-pressed={theme === 'dark'} />
    </Tooltip>
  );
}
