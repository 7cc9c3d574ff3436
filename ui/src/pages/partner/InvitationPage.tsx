import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { forgetReturnHash, keptReturnHash } from '../../api/returnHash';
import { useSession } from '../../api/session';
import { RouterLink } from '../../components/RouterLink';
import { ErrorMessage, Loading } from '../../components/Status';
import { useFormat } from '../../i18n/format';
import { SignInFrame } from '../signin/SignInFrame';
import { approvalRoleName, durationDays, globalAdminRole, type Accepted, type GdapApproval, type InvitationInfo } from './api';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Fragment is what an /AdminPortal/Home link asks for: a reseller invitation (its token) or a GDAP approval (the relationship id). */
export type Fragment = { kind: 'reseller'; token: string } | { kind: 'gdap'; id: string } | { kind: 'none' };

/**
 * parseFragment reads an invitation link's fragment: "#/BillingAccounts/partner-invitation/<token>"
 * (partners.md §2.2) or "#/partners/invitation/granularAdminRelationships/<id>" (§5.4).
 */
export function parseFragment(hash: string): Fragment {
  const h = hash.replace(/^#/, '');
  const reseller = /^\/?BillingAccounts\/partner-invitation\/([^/?#]+)\/?$/i.exec(h);
  if (reseller) return { kind: 'reseller', token: decodeURIComponent(reseller[1]) };
  const gdap = /^\/?partners\/invitation\/granularAdminRelationships\/([^/?#]+)\/?$/i.exec(h);
  if (gdap) return { kind: 'gdap', id: decodeURIComponent(gdap[1]) };
  return { kind: 'none' };
}

const settingsPath = '/admin/settings/partners';

/**
 * InvitationPage is /AdminPortal/Home, where a partner's links lead: a
 * reseller invitation (with or without delegated admin) to accept, or a
 * GDAP relationship to approve. The token stays in the fragment, which
 * browsers don't send to the server; the page sends it in API paths only.
 * Only a Global admin of the customer may accept or approve.
 */
export default function InvitationPage() {
  const { t } = useTranslation('partner');
  const location = useLocation();
  const [hash] = useState(() => location.hash || keptReturnHash(location.pathname));
  useEffect(forgetReturnHash, []);
  const session = useSession().data!;
  const frag = parseFragment(hash);
  const globalAdmin = session.roles.some((r) => r.templateId === globalAdminRole);
  const failed = (text: string) => <MessageBar intent="error" role="alert"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
  if (frag.kind === 'none') return <SignInFrame title={t('invitation.title')}>{failed(t('invitation.invalid'))}</SignInFrame>;
  const title = frag.kind === 'gdap' ? t('gdapApproval.title') : t('invitation.title');
  if (!globalAdmin) {
    return (
      <SignInFrame title={title}>
        {failed(t('invitation.notGlobalAdmin'))}
        <RouterLink to="/">{t('invitation.home')}</RouterLink>
      </SignInFrame>
    );
  }
  return frag.kind === 'reseller' ? <ResellerInvitation token={frag.token} /> : <GdapApproval id={frag.id} />;
}

/** invalidInvitation tells whether the server refused the invitation as not (or no longer) valid. */
const invalidInvitation = (e: unknown) => e instanceof ApiError && (e.code === 'InvalidInvitation' || e.detailCode === 'InvalidInvitation' || e.status === 404);

function ResellerInvitation({ token }: { token: string }) {
  const { t } = useTranslation('partner');
  const s = useStyles();
  const navigate = useNavigate();
  const f = useFormat();
  const [authorized, setAuthorized] = useState(false);
  const path = `/api/partner/invitations/${encodeURIComponent(token)}`;
  const q = useQuery({ queryKey: ['partnerInvitation', token], retry: false, gcTime: 0, queryFn: () => api.get<InvitationInfo>(path, { tenant: false }) });
  const accept = useMutation({ mutationFn: () => api.post<Accepted>(`${path}/accept`, undefined, { tenant: false }) });
  const title = t('invitation.title');
  const failed = (text: string) => <MessageBar intent="error" role="alert"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
  if (q.isPending) return <SignInFrame title={title}><Loading label={t('invitation.checking')} /></SignInFrame>;
  if (q.error) return <SignInFrame title={title}>{invalidInvitation(q.error) ? failed(t('invitation.invalid')) : <ErrorMessage error={q.error} />}</SignInFrame>;
  const info = q.data;
  const partner = info.partnerName;
  if (accept.isSuccess) {
    const a = accept.data;
    return (
      <SignInFrame title={title}>
        <MessageBar intent="success">
          <MessageBarBody>
            {a.delegatedAdmin ? t('invitation.doneDap', { partner: a.partnerName || partner }) : t('invitation.done', { partner: a.partnerName || partner })}
          </MessageBarBody>
        </MessageBar>
        {a.resellerSince && <Text>{t('invitation.since', { date: f.date(a.resellerSince) })}</Text>}
        <RouterLink to={settingsPath}>{t('invitation.toSettings')}</RouterLink>
      </SignInFrame>
    );
  }
  const already = info.existing === 'delegatedAdmin' || (info.existing === 'reseller' && !info.delegatedAdmin);
  const e = accept.error;
  return (
    <SignInFrame title={title} intro={info.delegatedAdmin ? t('invitation.introDap', { partner }) : t('invitation.intro', { partner })}>
      <dl className={s.facts}>
        <dt className={s.dt}>{t('invitation.partner')}</dt><dd className={s.dd}>{partner}</dd>
        {info.contactEmail && <><dt className={s.dt}>{t('contact.email')}</dt><dd className={s.dd}>{info.contactEmail}</dd></>}
        {info.contactPhone && <><dt className={s.dt}>{t('contact.phone')}</dt><dd className={s.dd}>{info.contactPhone}</dd></>}
        {info.invitedBy && <><dt className={s.dt}>{t('invitation.invitedBy')}</dt><dd className={s.dd}>{info.invitedBy}</dd></>}
      </dl>
      <div>
        <Text weight="semibold">{t('invitation.grants')}</Text>
        <ul className={s.list}>
          <li>{t('invitation.grantReseller', { partner })}</li>
          {info.delegatedAdmin && <li>{t('invitation.grantDap', { partner })}</li>}
        </ul>
      </div>
      {info.delegatedAdmin && <Text size={200}>{t('invitation.dapRemovable')}</Text>}
      {already && <MessageBar intent="info"><MessageBarBody>{t('invitation.already', { partner })}</MessageBarBody></MessageBar>}
      {info.existing === 'reseller' && info.delegatedAdmin && (
        <MessageBar intent="info"><MessageBarBody>{t('invitation.addsDap', { partner })}</MessageBarBody></MessageBar>
      )}
      {!!e && (e instanceof ApiError && e.status === 403 ? failed(t('invitation.notGlobalAdmin'))
        : invalidInvitation(e) ? failed(t('invitation.invalid')) : <ErrorMessage error={e} />)}
      <Checkbox checked={authorized} onChange={(_, d) => setAuthorized(!!d.checked)}
        label={info.delegatedAdmin ? t('invitation.authorizeDap', { partner }) : t('invitation.authorize', { partner })} />
      <div className={s.buttons}>
        <Button appearance="primary" disabled={!authorized || accept.isPending} onClick={() => accept.mutate()}>{t('invitation.accept')}</Button>
        <Button onClick={() => navigate('/admin')}>{t('common:action.cancel')}</Button>
      </div>
    </SignInFrame>
  );
}

function GdapApproval({ id }: { id: string }) {
  const { t } = useTranslation('partner');
  const s = useStyles();
  const navigate = useNavigate();
  const f = useFormat();
  const [removeDap, setRemoveDap] = useState(true);
  const path = `/api/partnerRelationships/gdap/${encodeURIComponent(id)}`;
  const q = useQuery({ queryKey: ['gdapApproval', id], retry: false, queryFn: () => api.get<GdapApproval>(path, { tenant: false }) });
  // The server says whether this partner still holds DAP.
  const hasDap = !!q.data?.partnerHasDelegatedAdmin;
  const approve = useMutation({ mutationFn: () => api.post(`${path}/approve`, { removeDap: hasDap && removeDap }, { tenant: false }) });
  const decline = useMutation({ mutationFn: () => api.post(`${path}/decline`, undefined, { tenant: false }) });
  const title = t('gdapApproval.title');
  const failed = (text: string) => <MessageBar intent="error" role="alert"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
  if (q.isPending) return <SignInFrame title={title}><Loading /></SignInFrame>;
  if (q.error) return <SignInFrame title={title}>{invalidInvitation(q.error) ? failed(t('gdapApproval.invalid')) : <ErrorMessage error={q.error} />}</SignInFrame>;
  const r = q.data;
  const partner = r.partnerName || t('gdapApproval.yourPartner');
  if (approve.isSuccess || decline.isSuccess) {
    return (
      <SignInFrame title={title}>
        <MessageBar intent={approve.isSuccess ? 'success' : 'info'}>
          <MessageBarBody>{approve.isSuccess ? t('gdapApproval.approved', { partner }) : t('gdapApproval.declined', { partner })}</MessageBarBody>
        </MessageBar>
        <RouterLink to={settingsPath}>{t('invitation.toSettings')}</RouterLink>
      </SignInFrame>
    );
  }
  const days = durationDays(r.duration);
  const pending = r.status === 'approvalPending';
  const err = approve.error ?? decline.error;
  return (
    <SignInFrame title={title} intro={t('gdapApproval.intro', { partner })}>
      <dl className={s.facts}>
        <dt className={s.dt}>{t('invitation.partner')}</dt><dd className={s.dd}>{partner}</dd>
        <dt className={s.dt}>{t('gdap.column.name')}</dt><dd className={s.dd}>{r.displayName}</dd>
        <dt className={s.dt}>{t('gdap.duration')}</dt><dd className={s.dd}>{days !== undefined ? t('gdap.days', { count: days }) : r.duration}</dd>
        <dt className={s.dt}>{t('gdap.autoExtend')}</dt><dd className={s.dd}>{r.autoExtendDuration === 'P180D' ? t('gdap.autoExtendOn') : t('no')}</dd>
        {r.endDateTime && <><dt className={s.dt}>{t('gdap.column.end')}</dt><dd className={s.dd}>{f.date(r.endDateTime)}</dd></>}
      </dl>
      <div>
        <Text weight="semibold">{t('gdapApproval.roles')}</Text>
        <ul className={s.list}>
          {r.roles.map((x) => <li key={x.roleDefinitionId}>{approvalRoleName(x)}{x.description ? ` — ${x.description}` : ''}</li>)}
        </ul>
      </div>
      {!pending && <MessageBar intent="info"><MessageBarBody>{t('gdapApproval.notPending', { status: t(`status.${r.status}`, r.status) })}</MessageBarBody></MessageBar>}
      {pending && (
        <>
          {hasDap && (
            <>
              <MessageBar intent="warning"><MessageBarBody>{t('gdapApproval.dapWarning', { partner })}</MessageBarBody></MessageBar>
              <Checkbox checked={removeDap} onChange={(_, d) => setRemoveDap(!!d.checked)} label={t('gdapApproval.removeDap')} />
            </>
          )}
          {!!err && <ErrorMessage error={err} />}
          <div className={s.buttons}>
            <Button appearance="primary" disabled={approve.isPending || decline.isPending} onClick={() => approve.mutate()}>{t('gdapApproval.approve')}</Button>
            <Button disabled={approve.isPending || decline.isPending} onClick={() => decline.mutate()}>{t('gdapApproval.decline')}</Button>
            <Button appearance="subtle" onClick={() => navigate('/admin')}>{t('common:action.cancel')}</Button>
          </div>
        </>
      )}
    </SignInFrame>
  );
}
