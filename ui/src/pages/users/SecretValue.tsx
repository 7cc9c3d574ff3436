import { Button, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/useNotify';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  value: { fontFamily: tokens.fontFamilyMonospace, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, userSelect: 'all' },
});

/** SecretValue shows a value to copy (a sign-in name, a temporary password shown only once) with a Copy button. */
export function SecretValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      notify(t('copied'));
    } catch {
      notify(t('copyFailed'), 'error');
    }
  };
  return (
    <div className={s.root}>
      <Text weight="semibold">{label}</Text>
      <Text className={s.value} data-testid={testId} data-value={value}>{value}</Text>
      <Tooltip content={t('copy', { what: label })} relationship="label">
        <Button appearance="subtle" size="small" icon={<Copy20Regular />} onClick={() => void copy()} />
      </Tooltip>
    </div>
  );
}
