import { Avatar, Button, Menu, MenuDivider, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSetSession } from '../api/session';
import type { Session } from '../api/types';

/** UserMenu is the header's account button: My account, the admin center for admins, Sign out. */
export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const setSession = useSetSession();
  const signOut = async () => {
    try {
      await api.post('/api/signout', undefined, { authRedirect: false });
    } finally {
      setSession(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      navigate('/signin', { replace: true });
    }
  };
  const name = session.displayName || session.userPrincipalName;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" aria-label={t('header.account', { name })}
          icon={<Avatar name={name} size={28} color="colorful" />} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroupHeader>{name}</MenuGroupHeader>
          <MenuItem onClick={() => navigate('/myaccount')}>{t('header.myAccount')}</MenuItem>
          {session.isAdmin && <MenuItem onClick={() => navigate('/admin')}>{t('header.adminCenter')}</MenuItem>}
          <MenuDivider />
          <MenuItem onClick={() => void signOut()}>{t('header.signOut')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
