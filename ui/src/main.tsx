import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installModalGuard } from './components/modalGuard';
import { initI18n } from './i18n/i18n';
import './index.css';

initI18n();
installModalGuard();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
