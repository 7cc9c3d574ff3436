// The one way the app talks to Atrium: same-origin fetch with the session
// cookie, the session's CSRF token on every unsafe request, the UI's
// language in Accept-Language, and Graph error bodies turned into ApiError.

/** ApiError is a failed API call: the HTTP status and Graph's error code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target?: string;
  /** detailCode is the code of the error's first detail: Atrium's own reason (NoDelegation, InvalidInvitation, L1, …) under Graph's code. */
  readonly detailCode?: string;
  readonly requestId?: string;
  /** Seconds to wait before trying again (429), when the server said. */
  readonly retryAfter?: number;

  constructor(status: number, code: string, message: string, extra: { target?: string; detailCode?: string; requestId?: string; retryAfter?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.target = extra.target;
    this.detailCode = extra.detailCode;
    this.requestId = extra.requestId;
    this.retryAfter = extra.retryAfter;
  }

  /** denied: the caller lacks a permission; the message names it and the roles that carry it. */
  get denied(): boolean {
    return this.status === 403 && this.code === 'Authorization_RequestDenied';
  }

  /** noDelegation: a partner user acting in a customer where no DAP or GDAP relationship gives them a role. */
  get noDelegation(): boolean {
    return this.status === 403 && (this.code === 'NoDelegation' || this.detailCode === 'NoDelegation');
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = '';
let language = 'en';
let onUnauthorized: (() => void) | undefined;
let actingTenant = '';
let onNoDelegation: ((e: ApiError) => void) | undefined;

/**
 * setActingTenant makes every later call act in a customer tenant (the
 * Atrium-Tenant header, partners.md §4.2), or in the user's own
 * organization again when id is empty. The customer context
 * (shell/CustomerContext.tsx) sets it from the URL.
 */
export function setActingTenant(id: string | undefined): void {
  actingTenant = id ?? '';
}

/** getActingTenant is the customer tenant calls act in, or '' for the user's own organization. */
export function getActingTenant(): string {
  return actingTenant;
}

/** setNoDelegationHandler registers what happens when a call in a customer finds no delegation there (403 NoDelegation). */
export function setNoDelegationHandler(h: ((e: ApiError) => void) | undefined): void {
  onNoDelegation = h;
}

/** setCsrfToken keeps the session's CSRF token for later unsafe requests. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? '';
}

/** setLanguage sets the Accept-Language of API calls (server messages such as password rules follow it). */
export function setLanguage(lang: string): void {
  language = lang;
}

/** setUnauthorizedHandler registers what happens when a call finds the session gone (401). */
export function setUnauthorizedHandler(h: (() => void) | undefined): void {
  onUnauthorized = h;
}

export interface RequestOptions {
  method?: string;
  /** A plain object is sent as JSON; a Blob or File as itself; FormData as multipart/form-data. */
  body?: unknown;
  headers?: Record<string, string>;
  /** false: a 401 is the answer to this call (a wrong password), not a lost session. */
  authRedirect?: boolean;
  /** false: the call is about the user's own organization even while acting in a customer (no Atrium-Tenant header). */
  tenant?: boolean;
  signal?: AbortSignal;
}

/** request calls the API and returns the parsed JSON, the text of a text/plain answer, or undefined for 204. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = (opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body; // multipart: fetch sets the Content-Type with its boundary
  } else if (opts.body instanceof Blob) {
    body = opts.body;
    if (opts.body.type && !headers['Content-Type']) headers['Content-Type'] = opts.body.type;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  if (unsafe.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const acting = opts.tenant !== false && actingTenant !== '';
  if (acting) headers['Atrium-Tenant'] = actingTenant;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NetworkError', (e as Error).message);
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && opts.authRedirect !== false) onUnauthorized?.();
    if (acting && err.noDelegation) onNoDelegation?.(err);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (text === '') return undefined as T;
  if ((res.headers.get('Content-Type') ?? '').includes('application/json')) return JSON.parse(text) as T;
  return text as T;
}

interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    target?: string;
    details?: { code?: string; message?: string; target?: string }[];
    innerError?: { 'request-id'?: string };
  };
}

/** toError reads a Graph error body ({"error":{"code","message"}}); other bodies become a generic error. */
export async function toError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let parsed: GraphErrorBody | undefined;
  try {
    parsed = (await res.json()) as GraphErrorBody;
  } catch {
    parsed = undefined;
  }
  const e = parsed?.error;
  if (e?.code) {
    return new ApiError(res.status, e.code, e.message ?? '', {
      target: e.target || e.details?.[0]?.target || undefined,
      detailCode: e.details?.[0]?.code || undefined,
      requestId: e.innerError?.['request-id'],
      retryAfter,
    });
  }
  return new ApiError(res.status, 'HttpError', res.statusText || String(res.status), { retryAfter });
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'PUT', body }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'DELETE' }),
};
