import {
  History20Regular, Key20Regular, Password20Regular, Person20Regular, PersonInfo20Regular, PhoneLaptop20Regular,
} from '@fluentui/react-icons';
import { lazy } from 'react';

/** myAccountPages are My account's pages (admin-center.md §14) built so far. */
export const myAccountPages = [
  { path: '', label: 'myNav.overview', icon: Person20Regular, Component: lazy(() => import('./OverviewPage')) },
  { path: 'profile', label: 'myNav.profile', icon: PersonInfo20Regular, Component: lazy(() => import('./PersonalInfoPage')) },
  { path: 'password', label: 'myNav.password', icon: Password20Regular, Component: lazy(() => import('./PasswordPage')) },
  { path: 'security-info', label: 'myNav.methods', icon: Key20Regular, Component: lazy(() => import('./SignInMethodsPage')) },
  { path: 'installs', label: 'myNav.installs', icon: PhoneLaptop20Regular, Component: lazy(() => import('./InstallsPage')) },
  { path: 'signins', label: 'myNav.signIns', icon: History20Regular, Component: lazy(() => import('./SignInsPage')) },
];
