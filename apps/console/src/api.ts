/**
 * The console's one way to the API: the access token lives in this tab (sessionStorage, never a cookie, so no
 * request is sent with credentials the page did not add) and goes out as `Authorization: Bearer`. A 401 tries the
 * refresh token once, then signs out.
 */
const KEY = 'rasad.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  username: string;
}

export interface Me {
  id: string;
  username: string;
  role: 'admin' | 'logistics_officer' | 'briefing_officer' | 'viewer';
  districtIds: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { row?: number; field?: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let session: Session | null = read();
const listeners = new Set<(session: Session | null) => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function store(next: Session | null): void {
  session = next;
  if (next) {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } else {
    sessionStorage.removeItem(KEY);
  }
  listeners.forEach((listener) => listener(next));
}

export const currentSession = (): Session | null => session;

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    errors?: ApiError['errors'];
  };
  return new ApiError(
    response.status,
    body.code ?? `HTTP.${response.status}`,
    body.message ?? response.statusText,
    body.errors,
  );
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
  store({ ...tokens, username });
}

export async function signOut(): Promise<void> {
  const ending = session;
  store(null);
  if (ending) {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: ending.refreshToken }),
    }).catch(() => undefined);
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: the refresh token is spent by its use, and a second use would end the session. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const spent = session;
    if (!spent) {
      return false;
    }
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: spent.refreshToken }),
    });
    if (!response.ok) {
      store(null);
      return false;
    }
    const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
    store({ ...spent, ...tokens });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** A signed-in request; `signal` aborts it (a stream the page no longer shows). */
export async function authorized(path: string, init: RequestInit = {}, retry = true): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session) {
    headers.set('authorization', `Bearer ${session.accessToken}`);
  }
  const response = await fetch(`/api/v1${path}`, { ...init, headers });
  if (response.status === 401 && retry && session && (await refresh())) {
    return authorized(path, init, false);
  }
  if (response.status === 401) {
    store(null);
  }
  return response;
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const request: RequestInit = json === undefined ? rest : { ...rest, body: JSON.stringify(json) };
  if (json !== undefined) {
    request.headers = { ...(rest.headers as Record<string, string>), 'content-type': 'application/json' };
  }
  const response = await authorized(path, request);
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as T;
}

/** Query string of the defined, non-empty values. */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A file upload with progress: fetch reports none for a request body, XMLHttpRequest does. The import itself is
 * all or nothing on the server, so after the last byte the bar waits for the roster's answer.
 */
export function upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const send = (retry: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1${path}`);
      if (session) {
        xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
      }
      xhr.setRequestHeader('content-type', 'text/csv');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) {
          onProgress(event.loaded / event.total);
        }
      };
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload did not reach the server'));
      xhr.onload = () => {
        let body: { code?: string; message?: string; errors?: ApiError['errors'] } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // not JSON: keep the status
        }
        if (xhr.status === 401 && retry) {
          void refresh().then((ok) =>
            ok ? send(false).then(resolve, reject) : reject(new ApiError(401, 'HTTP.401', 'Sign in again')),
          );
          return;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(body as T);
        } else {
          reject(
            new ApiError(xhr.status, body.code ?? `HTTP.${xhr.status}`, body.message ?? xhr.statusText, body.errors),
          );
        }
      };
      xhr.send(file);
    });
  return send(true);
}
