import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { Skip, fromServer, runBulk, summarize, type Target } from './run';

const users: Target[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, displayName: id.toUpperCase(), userPrincipalName: `${id}@x.test` }));

describe('bulk results', () => {
  it('keeps going after failures and reports each user in selection order', async () => {
    let running = 0;
    let most = 0;
    const progress: number[] = [];
    const results = await runBulk(users, async (u) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, u.id === 'a' ? 20 : 1));
      running--;
      if (u.id === 'b') throw new ApiError(403, 'Authorization_RequestDenied', 'Needs passwords.reset.');
      if (u.id === 'c') throw new Skip('That is you.');
      return u.id === 'd' ? 'Temp-Pass-1' : undefined;
    }, { parallel: 2, onProgress: (n) => progress.push(n) });
    expect(results.map((r) => [r.user.id, r.outcome, r.message, r.password])).toEqual([
      ['a', 'done', undefined, undefined],
      ['b', 'failed', 'Needs passwords.reset.', undefined],
      ['c', 'skipped', 'That is you.', undefined],
      ['d', 'done', undefined, 'Temp-Pass-1'],
      ['e', 'done', undefined, undefined],
    ]);
    expect(most).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(summarize(results)).toEqual({ done: 3, skipped: 1, failed: 1 });
  });

  it('maps the server’s bulk role results onto the selection, case-insensitively, missing ones failed', () => {
    const r = fromServer(users.slice(0, 3), [
      { userId: 'B', status: 'skipped', reason: 'Already has the role.' },
      { userId: 'a', status: 'done' },
    ]);
    expect(r.map((x) => [x.user.id, x.outcome, x.message])).toEqual([['a', 'done', undefined], ['b', 'skipped', 'Already has the role.'], ['c', 'failed', '']]);
    expect(summarize([])).toEqual({ done: 0, skipped: 0, failed: 0 });
  });
});
