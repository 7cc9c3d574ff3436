import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens,
} from '@fluentui/react-components';
import { ColumnTriple20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionalColumns, type OptionalColumn } from './prefs';

const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: tokens.spacingVerticalXS } });

/** ColumnPicker is "Choose columns": Display name and Username always show; the others are picked here and saved per admin. */
export function ColumnPicker({ columns, onChange }: { columns: OptionalColumn[]; onChange: (c: OptionalColumn[]) => void }) {
  const { t } = useTranslation('users');
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<OptionalColumn[]>(columns);
  return (
    <Dialog open={open} onOpenChange={(_, d) => { setOpen(d.open); if (d.open) setDraft(columns); }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<ColumnTriple20Regular />}>{t('columns.button')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('columns.title')}</DialogTitle>
          <DialogContent>
            <div className={s.grid} role="group" aria-label={t('columns.title')}>
              <Checkbox checked disabled label={t('column.displayName')} />
              <Checkbox checked disabled label={t('column.userPrincipalName')} />
              {optionalColumns.map((c) => (
                <Checkbox key={c} label={t(`column.${c}`)} checked={draft.includes(c)}
                  onChange={(_, d) => setDraft((cur) => (d.checked ? [...cur, c] : cur.filter((x) => x !== c)))} />
              ))}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => setDraft([])}>{t('columns.reset')}</Button>
            <DialogTrigger disableButtonEnhancement><Button appearance="secondary">{t('common:action.cancel')}</Button></DialogTrigger>
            <Button appearance="primary" onClick={() => { onChange(draft); setOpen(false); }}>{t('columns.save')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
