import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, setActingTenant, setNoDelegationHandler } from '../api/client';

/**
 * The customer context: which customer tenant a partner user is acting in
 * (partners.md §4.2), if any.
 *
 * Where it lives: in the URL, as the query parameter `?tenant=<customer
 * tenant id>` of an admin center page (/admin/…), so that a reload or a
 * copied link stays in the customer. Only /admin/… pages act in a customer;
 * /partner/… and /myaccount are always the user's own organization. Links
 * inside the admin center are written without the parameter, so the
 * provider keeps the customer while the user stays under /admin and puts
 * the parameter back into the URL; "Back to my organization" (leave) is the
 * way out. The customer's name comes from enter() and is kept for the tab
 * in sessionStorage, else the banner looks it up in the partner's customers.
 *
 * Every API call made while acting carries the header `Atrium-Tenant`
 * (api/client.ts), and the customer's data lives in a query cache of its
 * own, so nothing of the partner's own organization shows in a customer
 * nor the other way round; switching organizations mounts the pages anew.
 */
export interface CustomerContextValue {
  /** The customer tenant acting in, or undefined in the user's own organization. */
  tenantId?: string;
  /** The customer's name as last known (empty when not known yet). */
  name: string;
  /** The server's refusal when the user has no delegation in the customer. */
  noDelegation?: ApiError;
  /** enter opens the customer's admin center (Home, or path under /admin). */
  enter: (tenantId: string, name: string, path?: string) => void;
  /** leave goes back to the user's own organization (the partner's Customers page). */
  leave: () => void;
}

const none: CustomerContextValue = { name: '', enter: () => {}, leave: () => {} };
const Ctx = createContext<CustomerContextValue>(none);

/** useCustomer is the customer context (not acting outside a CustomerProvider). */
export function useCustomer(): CustomerContextValue {
  return useContext(Ctx);
}

export const tenantParam = 'tenant';
const namesKey = 'atrium.customerNames';

function storedNames(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(namesKey) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function storeName(id: string, name: string) {
  try {
    sessionStorage.setItem(namesKey, JSON.stringify({ ...storedNames(), [id]: name }));
  } catch {
    // storage off: the banner looks the name up instead
  }
}

/** withTenant adds ?tenant=id to an app path (keeping its other parameters and fragment). */
export function withTenant(path: string, id: string): string {
  const [rest, hash = ''] = path.split('#');
  const [pathname, search = ''] = rest.split('?');
  const params = new URLSearchParams(search);
  params.set(tenantParam, id);
  return `${pathname}?${params.toString()}${hash ? `#${hash}` : ''}`;
}

const inAdmin = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/');

/** CustomerProvider holds the customer context; inside a router and the app's QueryClientProvider. */
export function CustomerProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const home = useQueryClient();
  const param = new URLSearchParams(location.search).get(tenantParam) ?? undefined;
  const [sticky, setSticky] = useState<string | undefined>(param);
  const [noDelegation, setNoDelegation] = useState<ApiError>();
  const here = inAdmin(location.pathname);
  const tenantId = here ? (param ?? sticky) : undefined;
  // Set while rendering: the pages below fetch in their effects, which run
  // before this component's.
  setActingTenant(tenantId);

  const clients = useRef(new Map<string, QueryClient>());
  const client = useMemo(() => {
    if (!tenantId) return home;
    let c = clients.current.get(tenantId);
    if (!c) {
      c = new QueryClient({ defaultOptions: home.getDefaultOptions() });
      clients.current.set(tenantId, c);
    }
    return c;
  }, [tenantId, home]);

  useEffect(() => {
    if (here && param && param !== sticky) setSticky(param);
    else if (here && !param && sticky) {
      // A link inside the admin center left the parameter out: put it back.
      navigate(withTenant(location.pathname + location.search + location.hash, sticky), { replace: true });
    } else if (!here && sticky) setSticky(undefined);
  }, [here, param, sticky, navigate, location]);

  useEffect(() => setNoDelegation(undefined), [tenantId]);
  useEffect(() => {
    setNoDelegationHandler((e) => setNoDelegation(e));
    return () => setNoDelegationHandler(undefined);
  }, []);

  const enter = useCallback((id: string, name: string, path = '/admin') => {
    storeName(id, name);
    setSticky(id);
    navigate(withTenant(path, id));
  }, [navigate]);
  const leave = useCallback(() => {
    setSticky(undefined);
    setActingTenant(undefined);
    navigate('/partner/customers');
  }, [navigate]);
  // Out of every customer: forget their data, once nothing renders from it
  // any more (clearing a cache its pages still read makes them throw).
  useEffect(() => {
    if (tenantId) return;
    for (const c of clients.current.values()) c.clear();
    clients.current.clear();
  }, [tenantId]);

  const value: CustomerContextValue = {
    tenantId, name: tenantId ? (storedNames()[tenantId] ?? '') : '', noDelegation: tenantId ? noDelegation : undefined, enter, leave,
  };
  return (
    <Ctx.Provider value={value}>
      {/* Keyed: a query stays with the client it was mounted with, so switching organizations mounts the pages anew. */}
      <QueryClientProvider key={tenantId ?? ''} client={client}>{children}</QueryClientProvider>
    </Ctx.Provider>
  );
}
