/** What every request of a run came back with, so the run can print it and fail on a 5xx or a broken body. */
export class Tally {
  requests = 0;
  byStatus = new Map<number, number>();
  serverErrors: string[] = [];
  networkErrors: string[] = [];

  count(method: string, path: string, status: number, body: string): void {
    this.requests += 1;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) this.serverErrors.push(`${method} ${path} → ${status} ${body.slice(0, 300)}`);
  }

  summary(): string {
    return [...this.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  }
}

export interface Reply<T> {
  status: number;
  body: T;
}

/** One signed-in (or anonymous) caller of the worker; every answer goes through the tally. */
export class Http {
  readonly baseUrl: string;
  readonly tally: Tally;
  token: string | undefined;

  constructor(baseUrl: string, tally: Tally, token?: string) {
    this.baseUrl = baseUrl;
    this.tally = tally;
    this.token = token;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      this.tally.networkErrors.push(`${method} ${path}: ${String(error)}`);
      throw error;
    }
    const text = await response.text();
    this.tally.count(method, path.split('?')[0] ?? path, response.status, text);
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (response.status >= 400) {
      // Every refusal must carry the contract's error shape.
      const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (typeof code !== 'string')
        this.tally.serverErrors.push(`${method} ${path}: no error shape: ${text}`);
    }
    return { status: response.status, body: parsed };
  }

  /** Like `call`, but anything other than a 2xx is a failure of the run. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.call<T>(method, path, body);
    if (reply.status >= 300)
      throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
}
