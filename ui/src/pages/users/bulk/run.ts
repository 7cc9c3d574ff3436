// A bulk action runs per user and ends in a per-user results list
// (admin-center.md §5.1): each user's call is made on its own, a failure
// for one user doesn't stop the others, and the list says for each what
// happened, in the order the users were selected.

export type Outcome = 'done' | 'skipped' | 'failed';

/** Target is a selected user as the results list names them. */
export interface Target { id: string; displayName: string | null; userPrincipalName: string }

export interface Result {
  user: Target;
  outcome: Outcome;
  /** The server's message for a failure or skip. */
  message?: string;
  /** The temporary password of a reset. */
  password?: string;
}

export interface Summary { done: number; skipped: number; failed: number }

/** Skip is thrown by an action that decides not to act on a user (yourself, say). */
export class Skip extends Error {}

/**
 * runBulk calls act for every user, at most `parallel` at a time, and
 * collects each outcome. act returns an optional password for the list;
 * an ApiError's message (which names a missing permission) becomes the
 * user's failure reason.
 */
export async function runBulk(users: Target[], act: (u: Target) => Promise<string | void>,
  { parallel = 4, onProgress }: { parallel?: number; onProgress?: (finished: number) => void } = {}): Promise<Result[]> {
  const results: Result[] = new Array(users.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < users.length) {
      const i = next++;
      const user = users[i];
      try {
        const password = await act(user);
        results[i] = { user, outcome: 'done', ...(password ? { password } : {}) };
      } catch (e) {
        results[i] = { user, outcome: e instanceof Skip ? 'skipped' : 'failed', message: e instanceof Error ? e.message : String(e) };
      }
      onProgress?.(++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, users.length) }, worker));
  return results;
}

/** fromServer maps POST /api/bulk/roles' results (by user id) onto the selected users. */
export function fromServer(users: Target[], results: { userId: string; status: string; reason?: string }[]): Result[] {
  const byId = new Map(results.map((r) => [r.userId.toLowerCase(), r]));
  return users.map((user) => {
    const r = byId.get(user.id.toLowerCase());
    if (!r) return { user, outcome: 'failed', message: '' };
    const outcome: Outcome = r.status === 'done' || r.status === 'skipped' ? r.status : 'failed';
    return { user, outcome, ...(r.reason ? { message: r.reason } : {}) };
  });
}

/** summarize counts the outcomes. */
export function summarize(results: Result[]): Summary {
  const s: Summary = { done: 0, skipped: 0, failed: 0 };
  for (const r of results) s[r.outcome]++;
  return s;
}
