import { Dropdown, Option, OptionGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { GuardedButton } from './Guarded';
import { standardViews, viewKey, type ViewRef } from './query';
import type { UserView } from './types';

const useStyles = makeStyles({ root: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' }, dropdown: { minWidth: '200px' } });

/** ViewPicker is the filter drop-down: the standard views, the saved user views, and New / Edit for userviews.manage holders. */
export function ViewPicker({ view, views, onChange, onNew, onEdit }: {
  view: ViewRef; views: UserView[]; onChange: (v: ViewRef) => void; onNew: () => void; onEdit: (v: UserView) => void;
}) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const current = view.kind === 'custom' ? views.find((v) => v.id === view.id) : undefined;
  const label = view.kind === 'standard' ? t(`view.${view.name}`) : current?.name ?? '';
  return (
    <div className={s.root}>
      <Dropdown className={s.dropdown} aria-label={t('view.label')} value={label} selectedOptions={[viewKey(view)]}
        onOptionSelect={(_, d) => {
          const k = d.optionValue ?? 'all';
          onChange(k.startsWith('view:') ? { kind: 'custom', id: k.slice(5) } : { kind: 'standard', name: standardViews.find((v) => v === k) ?? 'all' });
        }}>
        <OptionGroup label={t('view.standard')}>
          {standardViews.map((v) => <Option key={v} value={v}>{t(`view.${v}`)}</Option>)}
        </OptionGroup>
        {views.length > 0 && (
          <OptionGroup label={t('view.custom')}>
            {views.map((v) => <Option key={v.id} value={`view:${v.id}`}>{v.name}</Option>)}
          </OptionGroup>
        )}
      </Dropdown>
      <GuardedButton perm="userviews.manage" appearance="subtle" icon={<Add20Regular />} onClick={onNew}>{t('view.new')}</GuardedButton>
      {current && (
        <GuardedButton perm="userviews.manage" appearance="subtle" icon={<Edit20Regular />} onClick={() => onEdit(current)}>{t('view.edit')}</GuardedButton>
      )}
    </div>
  );
}

