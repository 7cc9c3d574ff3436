import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type ThemeName = 'light' | 'dark';
const storageKey = 'atrium.theme';

function initialTheme(): ThemeName {
  try {
    const t = localStorage.getItem(storageKey);
    if (t === 'light' || t === 'dark') return t;
  } catch {
    // no storage: follow the system
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const ThemeContext = createContext<{ theme: ThemeName; toggle: () => void }>({ theme: 'light', toggle: () => {} });

/** ThemeProvider gives the app Fluent's light or dark web theme, remembered across visits. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const toggle = useCallback(() => setTheme((t) => {
    const next = t === 'light' ? 'dark' : 'light';
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // no storage: the choice lasts for this page
    }
    return next;
  }), []);
  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const value = useMemo(() => ({ theme, toggle }), [theme, toggle]);
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  );
}

export const useTheme = () => useContext(ThemeContext);
