import { Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { progress, rateShown } from './model';
import type { Import } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
});

/** ProgressStep shows a running import: rows done of all, users created and failed, and the pace. */
export function ProgressStep({ imp }: { imp: Import }) {
  const { t } = useTranslation('import');
  const s = useStyles();
  const f = useFormat();
  const rate = rateShown(imp.ratePerSecond);
  return (
    <div className={s.root}>
      <Field label={t('progress.label')} hint={t('progress.done', { done: f.number(imp.done), total: f.number(imp.total) })}>
        <ProgressBar value={progress(imp)} thickness="large" />
      </Field>
      <div className={s.counts} role="status">
        <Text>{t('progress.created', { n: f.number(imp.created) })}</Text>
        <Text>{t('progress.failed', { n: f.number(imp.failed) })}</Text>
        <Text>{t('progress.rate', { count: rate, rate: f.number(rate) })}</Text>
      </div>
      <Text size={200}>{t('progress.hint')}</Text>
    </div>
  );
}
