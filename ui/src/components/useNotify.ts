import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { createElement } from 'react';
import { toasterId } from '../shell/AppShell';

/** useNotify shows a short toast confirming what just happened. */
export function useNotify() {
  const { dispatchToast } = useToastController(toasterId);
  return (text: string, intent: 'success' | 'error' | 'info' = 'success') =>
    dispatchToast(createElement(Toast, null, createElement(ToastTitle, null, text)), { intent, timeout: 4000 });
}
