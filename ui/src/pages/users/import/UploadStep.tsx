import { Button, Checkbox, Field, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/Status';
import { files, importKeys, upload } from './data';
import { RecentImports } from './RecentImports';
import { useSave } from './useSave';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

/** UploadStep is the wizard's first step: the template and its rules, the file and Upload, and the recent imports. */
export function UploadStep() {
  const { t } = useTranslation('import');
  const s = useStyles();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { save, busy } = useSave();
  const [file, setFile] = useState<File | null>(null);
  const [autoStart, setAutoStart] = useState(false);
  const send = useMutation({
    mutationFn: (f: File) => upload(f, autoStart),
    onSuccess: (imp) => {
      qc.setQueryData(importKeys.one(imp.id), imp);
      void qc.invalidateQueries({ queryKey: importKeys.list });
      navigate(`/admin/users/import/${encodeURIComponent(imp.id)}`);
    },
  });
  const err = send.error;
  // A proxy or the server's body limit may answer 413 without Graph's error body.
  const tooLarge = err instanceof ApiError && err.status === 413 && err.code === 'HttpError';

  return (
    <>
      <section className={s.section} aria-labelledby="import-template">
        <Text as="h2" id="import-template" size={500} weight="semibold">{t('template.title')}</Text>
        <Text as="p">{t('template.text')}</Text>
        <Button icon={<ArrowDownload20Regular />} disabled={busy !== ''} onClick={() => void save(files.template, 'users-template.csv')}>
          {t('template.button')}
        </Button>
      </section>
      <section className={s.section} aria-labelledby="import-upload">
        <Text as="h2" id="import-upload" size={500} weight="semibold">{t('upload.title')}</Text>
        <Field label={t('upload.file')} hint={t('upload.fileHint')} required>
          {(props) => (
            <input {...props} type="file" accept=".csv,text/csv"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); send.reset(); }} />
          )}
        </Field>
        <Checkbox checked={autoStart} onChange={(_, d) => setAutoStart(!!d.checked)} label={t('upload.autoStart')} />
        {autoStart && <Text size={200}>{t('upload.autoStartHint')}</Text>}
        {tooLarge && <MessageBar intent="error" role="alert"><MessageBarBody>{t('upload.tooLarge')}</MessageBarBody></MessageBar>}
        {err && !tooLarge && <ErrorMessage error={err} />}
        <Button appearance="primary" icon={<ArrowUpload20Regular />} disabled={!file || send.isPending} onClick={() => file && send.mutate(file)}>
          {send.isPending ? t('upload.uploading') : t('upload.button')}
        </Button>
      </section>
      <RecentImports />
    </>
  );
}
