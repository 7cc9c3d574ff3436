import { toError } from '../../api/client';

/**
 * parseWarnings reads the HTTP Warning header of a role change
 * (`299 atrium "text"`, several joined with commas) into its texts.
 */
export function parseWarnings(header: string | null): string[] {
  if (!header) return [];
  return [...header.matchAll(/\d{3} \S+ "([^"]*)"/g)].map((m) => m[1]);
}

/**
 * sendRoleChange makes a role change and returns the server's warnings.
 * It uses fetch itself (with the session's CSRF token) because the app's
 * request() returns only the body, and the warnings come in headers.
 */
export async function sendRoleChange(method: 'POST' | 'DELETE', path: string, csrf: string | undefined, language: string, body?: unknown): Promise<string[]> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw await toError(res);
  return parseWarnings(res.headers.get('Warning'));
}
