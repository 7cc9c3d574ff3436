import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { steps, type Step } from './model';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, listStyleType: 'none', margin: 0, padding: 0 },
  item: { color: tokens.colorNeutralForeground3 },
  done: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** StepList shows the wizard's steps with the current one marked (aria-current="step"). */
export function StepList({ current }: { current: Step }) {
  const { t } = useTranslation('import');
  const s = useStyles();
  const at = steps.indexOf(current);
  return (
    <ol className={s.list} aria-label={t('steps.label')}>
      {steps.map((step, i) => (
        <li key={step} className={i === at ? s.current : i < at ? s.done : s.item} aria-current={i === at ? 'step' : undefined}>
          {`${i + 1}. ${t(`steps.${step}`)}`}
        </li>
      ))}
    </ol>
  );
}
