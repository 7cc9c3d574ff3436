import {
  Badge, Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, MessageBar, MessageBarBody, OverlayDrawer, Tab, TabList, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorMessage, Loading } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { GroupGeneral } from './GroupGeneral';
import { GroupRelations } from './GroupRelations';
import { groupKind, type Group } from './model';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });
const tabs = ['general', 'members', 'owners'] as const;
type TabName = (typeof tabs)[number];

/** GroupPanel is a group's details panel (deep link /admin/groups/{id}?tab=members): General, Members, Owners. */
export function GroupPanel({ id }: { id: string }) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TabName = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabName) : 'general';
  const q = useQuery({ queryKey: ['groups', id], queryFn: () => api.get<Group>(`/v1.0/groups/${encodeURIComponent(id)}`) });
  const close = () => navigate('/admin/groups');
  const g = q.data;
  usePageTitle(g?.displayName ?? t('panel.label'));
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && close()} aria-label={g?.displayName ?? t('panel.label')}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t('panel.close')} icon={<Dismiss24Regular />} onClick={close} />}>
          {g?.displayName ?? t('panel.label')}
        </DrawerHeaderTitle>
        {g && <div><Badge appearance="tint">{t(`kind.${groupKind(g)}`)}</Badge></div>}
      </DrawerHeader>
      <DrawerBody className={s.body}>
        {q.isPending && <Loading />}
        {q.error && <ErrorMessage error={q.error} />}
        {g && (
          <>
            {g.onPremisesSyncEnabled && <MessageBar intent="info"><MessageBarBody>{t('panel.synced')}</MessageBarBody></MessageBar>}
            <TabList aria-label={t('panel.tabs')} selectedValue={tab}
              onTabSelect={(_, d) => setParams(d.value === 'general' ? {} : { tab: String(d.value) }, { replace: true })}>
              {tabs.map((n) => <Tab key={n} value={n}>{t(`panel.${n}`)}</Tab>)}
            </TabList>
            <div role="tabpanel" aria-label={t(`panel.${tab}`)}>
              {tab === 'general' && <GroupGeneral group={g} onDeleted={close} />}
              {tab === 'members' && <GroupRelations group={g} rel="members" />}
              {tab === 'owners' && <GroupRelations group={g} rel="owners" />}
            </div>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
