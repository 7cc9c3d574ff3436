import {
  Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Tooltip, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { Star20Filled, Star20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { useMessageAction } from './api';
import { useServiceLabel } from './labels';
import type { ServiceMessage } from './model';

const useStyles = makeStyles({
  table: { '& td': { overflowWrap: 'anywhere' } },
  star: { width: '96px' },
  unread: { fontWeight: tokens.fontWeightSemibold },
  title: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  starred: { color: tokens.colorPaletteMarigoldForeground1 },
});

/** MessageTable lists message center posts: unread ones in bold with an Unread badge, a star to favourite each. */
export function MessageTable({ messages }: { messages: ServiceMessage[] }) {
  const { t } = useTranslation('health');
  const s = useStyles();
  const f = useFormat();
  const serviceLabel = useServiceLabel();
  const act = useMessageAction();
  return (
    <>
      {act.error && <ErrorMessage error={act.error} />}
      <Table aria-label={t('messages.title')} className={s.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.star}>{t('message.favorite')}</TableHeaderCell>
            <TableHeaderCell>{t('message.title')}</TableHeaderCell>
            <TableHeaderCell>{t('message.services')}</TableHeaderCell>
            <TableHeaderCell>{t('message.category')}</TableHeaderCell>
            <TableHeaderCell>{t('message.actBy')}</TableHeaderCell>
            <TableHeaderCell>{t('message.updated')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {messages.map((m) => {
            const fav = m.viewPoint.isFavorited;
            const label = t(fav ? 'action.unfavoriteOne' : 'action.favoriteOne', { title: m.title });
            return (
              <TableRow key={m.id}>
                <TableCell>
                  <Tooltip content={label} relationship="label">
                    <Button appearance="transparent" aria-pressed={fav} className={mergeClasses(fav && s.starred)}
                      icon={fav ? <Star20Filled /> : <Star20Regular />}
                      onClick={() => act.mutate({ action: fav ? 'unfavorite' : 'favorite', ids: [m.id] })} />
                  </Tooltip>
                </TableCell>
                <TableCell>
                  <span className={mergeClasses(s.title, !m.viewPoint.isRead && s.unread)}>
                    <RouterLink to={`/admin/health/messages/${encodeURIComponent(m.id)}`}>{m.title}</RouterLink>
                    {!m.viewPoint.isRead && <Badge size="small" appearance="filled" color="brand">{t('message.unread')}</Badge>}
                    {m.isMajorChange && <Badge size="small" appearance="tint" color="warning">{t('message.major')}</Badge>}
                  </span>
                </TableCell>
                <TableCell>{m.services.map(serviceLabel).join(', ')}</TableCell>
                <TableCell>{t(`category.${m.category}`, m.category)}</TableCell>
                <TableCell>{m.actionRequiredByDateTime ? f.date(m.actionRequiredByDateTime) : ''}</TableCell>
                <TableCell>{f.date(m.lastModifiedDateTime)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
