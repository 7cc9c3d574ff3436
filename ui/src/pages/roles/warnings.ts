import { toError } from '../../api/client';

/**
 * parseWarnings reads the HTTP Warning header of a role change
 * (`299 atrium "text"`, several joined with commas) into its texts.
 */
export function parseWarnings(header: string | null): string[] {
  if (!header) return [];
  return [...utf8(header).matchAll(/\d{3} \S+ "([^"]*)"/g)].map((m) => m[1]);
}

/**
 * utf8 undoes the browser's reading of a header's UTF-8 bytes as Latin-1
 * (fetch gives header values byte by byte), so "…" comes out right.
 */
export function utf8(s: string): string {
  if ([...s].some((c) => c.charCodeAt(0) > 0xff)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
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
