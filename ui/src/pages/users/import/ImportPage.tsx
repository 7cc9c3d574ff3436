import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useImport } from './data';
import { stepOf } from './model';
import { OptionsStep } from './OptionsStep';
import { ProgressStep } from './ProgressStep';
import { ResultsStep } from './ResultsStep';
import { StepList } from './StepList';
import { UploadStep } from './UploadStep';
import { VerifyStep } from './VerifyStep';

/**
 * ImportPage is Users → Add multiple users (admin-center.md §5.3). At
 * /admin/users/import it offers the template and the upload; at
 * /admin/users/import/{id} it shows that import at the step its status
 * is at, so a reload or a link from Recent imports resumes it.
 */
export default function ImportPage() {
  const { t } = useTranslation('import');
  const id = useParams()['*'] ?? '';
  return (
    <Page title={t('title')} intro={t('intro')}>
      {id ? <ImportRun key={id} id={id} /> : <><StepList current="upload" /><UploadStep /></>}
    </Page>
  );
}

/** ImportRun follows one import through Verify, Set user options, progress and results. */
function ImportRun({ id }: { id: string }) {
  const q = useImport(id);
  const [confirmed, setConfirmed] = useState(false);
  const [skip, setSkip] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const imp = q.data;
  const step = stepOf(imp.status, confirmed);
  return (
    <>
      <StepList current={step} />
      {step === 'verify' && <VerifyStep imp={imp} skip={skip} onSkip={setSkip} onNext={() => setConfirmed(true)} />}
      {step === 'options' && <OptionsStep imp={imp} skip={skip} onBack={() => setConfirmed(false)} />}
      {step === 'progress' && <ProgressStep imp={imp} />}
      {step === 'results' && <ResultsStep imp={imp} />}
    </>
  );
}
