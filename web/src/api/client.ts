/**
 * The one way the web app talks to the API: cookies for the session, the CSRF token on every
 * write, and every failure turned into an ApiError that can speak the user's language.
 */
import i18n from '../i18n/index.ts';

export interface FieldProblem {
  path: string;
  message: string;
  /** English beside the Chinese `message` (the server sends both). */
  message_en?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: unknown = null,
  ) {
    super(messageZh);
  }

  /** The server's message in the language the user reads. */
  localized(): string {
    return i18n.language.startsWith('en') ? this.messageEn || this.messageZh : this.messageZh || this.messageEn;
  }

  /** Field-level problems keyed by dotted path ("citizen.phone"), from a VALIDATION_FAILED answer. */
  fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is FieldProblem => typeof d?.path === 'string')
      .map((d) => ({
        path: d.path.replace(/^\/?(body\/)?/, '').replace(/\//g, '.'),
        message: i18n.language.startsWith('en') ? (d.message_en ?? d.message) : d.message,
      }));
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called on 401 so the app can send the user back to sign-in. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** 'blob' for a file answer (a photo); errors still come as the JSON error shape. */
  responseType?: 'json' | 'blob';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network', { lng: 'zh' }), i18n.t('errors.network', { lng: 'en' }));
  }
  if (response.status === 204) return undefined as T;
  if (options.responseType === 'blob' && response.ok) return (await response.blob()) as T;
  const text = await response.text();
  let data: { error?: { code: string; message: string; message_en: string; details?: unknown } } | null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const e = data?.error;
    const error = e
      ? new ApiError(response.status, e.code, e.message, e.message_en, e.details)
      : new ApiError(
          response.status,
          `HTTP_${response.status}`,
          i18n.t('errors.http', { lng: 'zh', status: response.status }),
          i18n.t('errors.http', { lng: 'en', status: response.status }),
        );
    if (response.status === 401 && !/\/auth\/(sign-in|me)$/.test(path)) onUnauthenticated?.();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A human message for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.localized();
  if (error instanceof Error) return error.message;
  return String(error);
}
