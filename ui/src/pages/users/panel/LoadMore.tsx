import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

const useStyles = makeStyles({ root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' } });

/** LoadMore is a paged list's footer: how many are shown (of how many, when known) and the button for the next page. */
export function LoadMore({ shown, total, hasMore, loading, onMore, kind = 'users' }: {
  shown: number; total?: number; hasMore: boolean; loading: boolean; onMore: () => void; kind?: 'users' | 'records';
}) {
  const { t } = useTranslation('users');
  const f = useFormat();
  const s = useStyles();
  return (
    <div className={s.root}>
      <Text role="status" data-testid="list-count">
        {kind === 'records' ? t('list.records', { count: shown, shown: f.number(shown) })
          : total === undefined ? t('list.shown', { count: shown, shown: f.number(shown) })
            : t('list.shownOf', { count: total, shown: f.number(shown), total: f.number(total) })}
      </Text>
      {hasMore && (
        <Button onClick={onMore} disabled={loading} icon={loading ? <Spinner size="tiny" /> : undefined}>{t('list.more')}</Button>
      )}
    </div>
  );
}
