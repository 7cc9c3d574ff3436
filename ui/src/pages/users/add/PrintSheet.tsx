import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Provisioned } from './model';

/**
 * PrintSheet is the print-friendly account details: rendered into body and
 * hidden on screen; index.css's @media print shows only it, so Print
 * (window.print) puts the details on paper or in a PDF, not the dialog.
 */
export function PrintSheet({ result, name }: { result: Provisioned; name: string }) {
  const { t } = useTranslation('adduser');
  const f = useFormat();
  return createPortal(
    <section className="print-sheet" aria-hidden>
      <h1>{t('done.printTitle')}</h1>
      <dl>
        <dt>{t('review.name')}</dt><dd>{name}</dd>
        <dt>{t('done.username')}</dt><dd>{result.userPrincipalName}</dd>
        {result.temporaryPassword && <><dt>{t('done.password')}</dt><dd>{result.temporaryPassword}</dd></>}
        {result.setPasswordUrl && <><dt>{t('done.link')}</dt><dd>{result.setPasswordUrl}</dd></>}
      </dl>
      {result.setPasswordExpiresDateTime && <p>{t('done.expires', { date: f.dateTime(result.setPasswordExpiresDateTime) })}</p>}
    </section>,
    document.body,
  );
}
