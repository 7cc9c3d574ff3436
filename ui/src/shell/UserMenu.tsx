import { Avatar, Button, Menu, MenuDivider, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import type { Session } from '../api/types';
import { usePhoto } from '../pages/myaccount/usePhoto';
import { usePartner } from '../pages/partner/api';
import { useCustomer } from './CustomerContext';

/**
 * UserMenu is the header's account button: My account, the admin center for
 * admins, switching organization for a partner's users (their customers, or
 * back to their own organization), Sign out.
 */
export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Signing out reloads the app at the sign-in page, so nothing of this
  // user's data stays in memory.
  const signOut = async () => {
    try {
      await api.post('/api/signout', undefined, { authRedirect: false });
    } finally {
      setCsrfToken(undefined);
      window.location.replace('/signin');
    }
  };
  const name = session.displayName || session.userPrincipalName;
  const { url } = usePhoto();
  const customer = useCustomer();
  const partner = usePartner().data;
  const agent = !!partner?.isPartner && (partner.agent.admin || partner.agent.helpdesk || partner.agent.sales);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" aria-label={t('header.account', { name })}
          icon={<Avatar name={name} image={url ? { src: url, alt: '' } : undefined} size={28} color="colorful" />} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroupHeader>{name}</MenuGroupHeader>
          <MenuItem onClick={() => navigate('/myaccount')}>{t('header.myAccount')}</MenuItem>
          {session.isAdmin && <MenuItem onClick={() => navigate('/admin')}>{t('header.adminCenter')}</MenuItem>}
          {customer.tenantId && <MenuItem onClick={customer.leave}>{t('customerBanner.back')}</MenuItem>}
          {!customer.tenantId && agent && <MenuItem onClick={() => navigate('/partner/customers')}>{t('header.switchOrganization')}</MenuItem>}
          <MenuDivider />
          <MenuItem onClick={() => void signOut()}>{t('header.signOut')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
