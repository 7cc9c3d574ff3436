import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Print20Regular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { userKeys } from '../data';
import { files } from './data';
import type { Import } from './types';
import { useSave } from './useSave';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start', maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  print: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** ResultsStep is View results: how many users were created and failed, the results file, the printable sign-in sheet. */
export function ResultsStep({ imp }: { imp: Import }) {
  const { t } = useTranslation('import');
  const s = useStyles();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { save, busy } = useSave();
  // The new users belong in Active users now.
  useEffect(() => void qc.invalidateQueries({ queryKey: userKeys.all }), [qc, imp.id]);
  // Rows with problems are left out only when the admin chose to skip them.
  const skipped = imp.status === 'completed' && imp.options?.skipInvalidRows ? imp.invalid : 0;
  return (
    <div className={s.root}>
      {imp.status === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody><MessageBarTitle>{t('results.failedTitle')}</MessageBarTitle> {imp.error}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" role="status" weight="semibold">
        {t('results.summary', { created: f.number(imp.created), total: f.number(imp.total), failed: f.number(imp.failed) })}
      </Text>
      {skipped > 0 && <Text as="p">{t('results.skipped', { count: skipped, n: f.number(skipped) })}</Text>}
      <Text as="p">{t('results.text')}</Text>
      <div className={s.actions}>
        <Button icon={<ArrowDownload20Regular />} disabled={busy !== ''} onClick={() => void save(files.results(imp.id), 'results.csv')}>
          {t('results.download')}
        </Button>
        {imp.created > 0 && (
          <Link className={s.print} href={files.sheet(imp.id)} target="_blank" rel="noopener">
            <Print20Regular />{t('results.print')}
          </Link>
        )}
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => navigate('/admin/users/import')}>{t('results.more')}</Button>
        <Button onClick={() => navigate('/admin/users')}>{t('results.done')}</Button>
      </div>
    </div>
  );
}
