import {
  Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Loading } from '../../../components/Status';
import { useFormat } from '../../../i18n/format';
import { files } from './data';
import { canContinue } from './model';
import type { Import } from './types';
import { useSave } from './useSave';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  scroll: { maxHeight: '50vh', overflowY: 'auto', alignSelf: 'stretch' },
  row: { width: '80px' },
  column: { width: '200px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * VerifyStep shows what the server found in the file: a spinner while it
 * checks, then the counts and, when rows have problems, the first of them,
 * the full list as a download, and the choice to skip those rows.
 */
export function VerifyStep({ imp, skip, onSkip, onNext }: { imp: Import; skip: boolean; onSkip: (skip: boolean) => void; onNext: () => void }) {
  const { t } = useTranslation('import');
  const s = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const { save, busy } = useSave();
  if (imp.status === 'validating') return <Loading label={t('verify.checking', { file: imp.fileName })} />;
  const problems = imp.problems ?? [];
  return (
    <div className={s.root}>
      <Text as="p" role="status">
        {t('verify.summary', { file: imp.fileName, total: f.number(imp.total), valid: f.number(imp.valid), invalid: f.number(imp.invalid) })}
      </Text>
      {imp.invalid === 0 && imp.valid > 0 && <Text as="p">{t('verify.allGood')}</Text>}
      {imp.valid === 0 && <MessageBar intent="error" layout="multiline"><MessageBarBody>{t('verify.noneValid')}</MessageBarBody></MessageBar>}
      {imp.invalid > 0 && imp.valid > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody><MessageBarTitle>{t('verify.problemsTitle')}</MessageBarTitle> {t('verify.problemsText')}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <>
          <div className={s.scroll}>
            <Table size="small" aria-label={t('verify.tableLabel')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={s.row}>{t('verify.row')}</TableHeaderCell>
                  <TableHeaderCell className={s.column}>{t('verify.column')}</TableHeaderCell>
                  <TableHeaderCell>{t('verify.problem')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {problems.map((p, i) => (
                  <TableRow key={`${p.row}-${p.column}-${i}`}>
                    <TableCell className={s.row}>{f.number(p.row)}</TableCell>
                    <TableCell className={s.column}>{p.column}</TableCell>
                    <TableCell>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {imp.problemCount > problems.length && (
            <Text size={200}>{t('verify.shownOf', { shown: f.number(problems.length), total: f.number(imp.problemCount) })}</Text>
          )}
          <Button icon={<ArrowDownload20Regular />} disabled={busy !== ''} onClick={() => void save(files.problems(imp.id), 'problems.csv')}>
            {t('verify.downloadProblems')}
          </Button>
        </>
      )}
      {imp.invalid > 0 && imp.valid > 0 && <Checkbox checked={skip} onChange={(_, d) => onSkip(!!d.checked)} label={t('verify.skip')} />}
      <div className={s.actions}>
        <Button onClick={() => navigate('/admin/users/import')}>{t('verify.again')}</Button>
        <Button appearance="primary" disabled={!canContinue(imp, skip)} onClick={onNext}>{t('verify.next')}</Button>
      </div>
    </div>
  );
}
