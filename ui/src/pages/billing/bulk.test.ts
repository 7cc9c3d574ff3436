import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyOne, parseUsers, runAll } from './bulk';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('parseUsers', () => {
  it('splits on lines, commas and spaces and drops duplicates case-insensitively', () => {
    expect(parseUsers(' a@x.nl\nB@x.nl, b@X.nl ;c@x.nl\n\n')).toEqual(['a@x.nl', 'B@x.nl', 'c@x.nl']);
  });
});

describe('applyOne', () => {
  it('skips a user who already holds the product, so their disabled plans stay', async () => {
    const fetch = vi.fn(async () => json(200, { value: [{ skuId: 'sku1', servicePlans: [] }] }));
    vi.stubGlobal('fetch', fetch);
    expect(await applyOne('a@x.nl', 'sku1', 'assign')).toEqual({ user: 'a@x.nl', ok: true, skipped: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
  it('assigns with an empty removeLicenses and reports the server message on failure', async () => {
    const calls: { url: string; body?: string }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body as string | undefined });
      if (url.endsWith('/licenseDetails')) return json(200, { value: [] });
      return json(400, { error: { code: 'Request_BadRequest', message: 'Subscription with SKU sku1 does not have any available licenses.' } });
    }));
    const r = await applyOne('a@x.nl', 'sku1', 'assign');
    expect(r).toEqual({ user: 'a@x.nl', ok: false, message: 'Subscription with SKU sku1 does not have any available licenses.' });
    expect(calls[1]!.url).toBe('/v1.0/users/a%40x.nl/assignLicense');
    expect(JSON.parse(calls[1]!.body!)).toEqual({ addLicenses: [{ skuId: 'sku1', disabledPlans: [] }], removeLicenses: [] });
  });
  it('unassigns without reading licenseDetails', async () => {
    const fetch = vi.fn(async () => json(200, { id: 'u' }));
    vi.stubGlobal('fetch', fetch);
    expect(await applyOne('a@x.nl', 'sku1', 'unassign')).toEqual({ user: 'a@x.nl', ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('runAll', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const fn = async (u: string) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, u.length));
      running--;
      return { user: u, ok: true };
    };
    const out = await runAll(['aaaaa', 'b', 'ccc', 'dd', 'e'], fn, () => {}, 2);
    expect(out.map((r) => r.user)).toEqual(['aaaaa', 'b', 'ccc', 'dd', 'e']);
    expect(peak).toBe(2);
  });
});
