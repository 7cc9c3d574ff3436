import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setActingTenant, setCsrfToken, setLanguage, setNoDelegationHandler, setUnauthorizedHandler } from './client';

type Call = { url: string; init: RequestInit };
let calls: Call[];

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status, headers });
  }));
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };
const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

beforeEach(() => {
  calls = [];
  setCsrfToken('tok-1');
  setLanguage('nl');
  setUnauthorizedHandler(undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setActingTenant(undefined);
  setNoDelegationHandler(undefined);
});

describe('api client', () => {
  it('sends FormData as multipart, leaving the Content-Type and its boundary to fetch', async () => {
    answer(202, '{"id":"imp-1"}', json);
    const form = new FormData();
    form.append('file', new Blob(['a,b'], { type: 'text/csv' }), 'a.csv');
    await api.post('/api/imports', form);
    expect(calls[0].init.body).toBe(form);
    expect(header(calls[0], 'Content-Type')).toBeUndefined();
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok-1');
  });

  it('sends the CSRF token on unsafe methods only, with the cookie and the language', async () => {
    answer(200, '{"ok":true}', json);
    await api.get('/api/session');
    await api.post('/api/signout');
    await api.patch('/v1.0/domains/x', { isDefault: true });
    await api.put('/v1.0/me/photo/$value', new Blob(['x'], { type: 'image/png' }));
    await api.del('/v1.0/me/photo');
    expect(calls.map((c) => [c.init.method, header(c, 'X-CSRF-Token')])).toEqual([
      ['GET', undefined], ['POST', 'tok-1'], ['PATCH', 'tok-1'], ['PUT', 'tok-1'], ['DELETE', 'tok-1'],
    ]);
    expect(calls.every((c) => c.init.credentials === 'same-origin' && header(c, 'Accept-Language') === 'nl')).toBe(true);
    expect(header(calls[2], 'Content-Type')).toBe('application/json');
    expect(calls[2].init.body).toBe('{"isDefault":true}');
    expect(header(calls[3], 'Content-Type')).toBe('image/png');
  });

  it('uses the newest token', async () => {
    answer(204, '');
    setCsrfToken('tok-2');
    await api.post('/api/signout');
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok-2');
  });

  it('returns JSON, text and nothing', async () => {
    answer(200, '{"value":[1]}', json);
    expect(await api.get('/v1.0/domains')).toEqual({ value: [1] });
    answer(200, '42', { 'Content-Type': 'text/plain; charset=utf-8' });
    expect(await api.get('/v1.0/users/$count')).toBe('42');
    answer(204, '');
    expect(await api.post('/api/signout')).toBeUndefined();
  });

  it('parses the Graph error body into an ApiError', async () => {
    answer(403, JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Needs domains.manage (Global Administrator).',
      innerError: { 'request-id': 'r-1' } } }), json);
    const err = await api.post('/v1.0/domains', { id: 'x.test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect([e.status, e.code, e.message, e.requestId, e.denied]).toEqual([403, 'Authorization_RequestDenied',
      'Needs domains.manage (Global Administrator).', 'r-1', true]);
  });

  it('keeps the target of a validation error and Retry-After of a 429', async () => {
    answer(400, JSON.stringify({ error: { code: 'Request_BadRequest', message: 'Too short.', details: [{ code: 'x', message: 'Too short.', target: 'newPassword' }] } }), json);
    const bad = (await api.post('/v1.0/me/changePassword', {}).catch((e: unknown) => e)) as ApiError;
    expect([bad.status, bad.target, bad.denied]).toEqual([400, 'newPassword', false]);
    answer(429, JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many sign-ins.' } }), { ...json, 'Retry-After': '600' });
    const slow = (await api.post('/api/signin', {}, { authRedirect: false }).catch((e: unknown) => e)) as ApiError;
    expect([slow.status, slow.code, slow.retryAfter]).toEqual([429, 'TooManyRequests', 600]);
  });

  it('reads a target given on the error itself, as POST /api/users/provision may', async () => {
    answer(400, JSON.stringify({ error: { code: 'Request_BadRequest', message: 'Taken.', target: 'user.userPrincipalName' } }), json);
    const e = (await api.post('/api/users/provision', {}).catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.target, e.message]).toEqual([400, 'user.userPrincipalName', 'Taken.']);
  });

  it('turns a body that is not Graph JSON into a generic error', async () => {
    answer(502, '<html>bad gateway</html>', { 'Content-Type': 'text/html' });
    const e = (await api.get('/v1.0/me').catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([502, 'HttpError']);
  });

  it('sends a lost session back to sign-in, but not a wrong password', async () => {
    const lost = vi.fn();
    setUnauthorizedHandler(lost);
    answer(401, JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'The session has ended.' } }), json);
    await api.get('/v1.0/me').catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
    await api.post('/api/signin', { username: 'a', password: 'b' }, { authRedirect: false }).catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const e = (await api.get('/v1.0/me').catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([0, 'NetworkError']);
  });

  it('acts in a customer with the Atrium-Tenant header, except for calls about the user\'s own organization', async () => {
    answer(200, '{"ok":true}', json);
    await api.get('/v1.0/users');
    setActingTenant('c-1');
    await api.get('/v1.0/users');
    await api.post('/v1.0/users', { displayName: 'A' });
    await api.get('/api/partner/customers', { tenant: false });
    setActingTenant(undefined);
    await api.get('/v1.0/users');
    expect(calls.map((c) => header(c, 'Atrium-Tenant'))).toEqual([undefined, 'c-1', 'c-1', undefined, undefined]);
  });

  it('tells the customer context when the user has no delegation in the customer', async () => {
    // The server's shape: Graph's code, with Atrium's reason as the detail's code.
    answer(403, '{"error":{"code":"Authorization_RequestDenied","message":"Your account has no delegated admin access to this organization.","details":[{"code":"NoDelegation","message":"Your account has no delegated admin access to this organization."}]}}', json);
    const seen: ApiError[] = [];
    setNoDelegationHandler((e) => seen.push(e));
    setActingTenant('c-1');
    const err = await api.get('/v1.0/users').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).noDelegation).toBe(true);
    expect(seen.map((e) => e.detailCode)).toEqual(['NoDelegation']);
    // Not acting: the same answer is the call's own business.
    setActingTenant(undefined);
    await api.get('/v1.0/users').catch(() => undefined);
    expect(seen).toHaveLength(1);
  });
});
