export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A thin fetch wrapper for e2e tests: real HTTP against a listening gateway. */
export class TestApi {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** The same API as another signed-in user. */
  as(token: string | undefined): TestApi {
    return new TestApi(this.baseUrl, token);
  }

  async login(username: string, password: string): Promise<TestApi> {
    const response = await this.as(undefined).post('/api/v1/auth/login', { username, password });
    if (response.status !== 200) {
      throw new Error(`login as ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return this.as(response.body.accessToken);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
    };
    if (typeof body === 'string') {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  csv<T = any>(path: string, csv: string) {
    return this.request<T>('POST', path, csv, { 'content-type': 'text/csv' });
  }
}
