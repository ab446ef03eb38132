/** What one request cost D1: calls that reached the database, statements run, rows read and written. */
export interface D1Bill {
  roundTrips: number;
  statements: number;
  rowsRead: number;
  rowsWritten: number;
  /** D1's own time for the statements (`meta.duration`), in milliseconds. */
  ms: number;
}

export function emptyBill(): D1Bill {
  return { roundTrips: 0, statements: 0, rowsRead: 0, rowsWritten: 0, ms: 0 };
}

/** `rt=2; st=9; rr=41; rw=4; ms=0.31`: the bill as the `X-D1-Bill` header carries it (the bench parses it). */
export function formatBill(bill: D1Bill): string {
  return `rt=${bill.roundTrips}; st=${bill.statements}; rr=${bill.rowsRead}; rw=${bill.rowsWritten}; ms=${bill.ms.toFixed(3)}`;
}

type Meta = { meta?: { rows_read?: number; rows_written?: number; duration?: number } };

function charge(bill: D1Bill, results: Meta[]) {
  bill.roundTrips += 1;
  bill.statements += results.length;
  for (const r of results) {
    bill.rowsRead += r.meta?.rows_read ?? 0;
    bill.rowsWritten += r.meta?.rows_written ?? 0;
    bill.ms += r.meta?.duration ?? 0;
  }
}

/**
 * `raw()` drops D1's `meta`, and `all()` cannot stand in for it: it keys rows by column name, so the joined
 * columns drizzle reads by position would collapse. Metering is a bench and test tool, so it reaches D1 by
 * one of two other roads that keep both: the binding's `query()` (compatibility flag `d1_binding_jsrpc`,
 * which the bench's `wrangler dev` turns on), or, in workerd builds where it is still public, the
 * statement's own `dbSession._sendOrThrow` (the vitest pool's). Without either, rows go uncounted.
 */
type RawAnswer = Meta & { results?: { columns: string[]; rows: unknown[][] } };

/** One result of `query()`: rows and columns under `data` (kind `raw`), with D1's meta. */
type QueryResult = Meta & { data?: { columns: string[]; rows: unknown[][] } };

interface InternalPath {
  dbSession?: {
    _sendOrThrow?: (
      endpoint: string,
      sql: string,
      params: unknown[],
      format: string,
      span: { setAttribute: () => void },
    ) => Promise<RawAnswer | RawAnswer[]>;
  };
  statement?: string;
  params?: unknown[];
}

/** The binding's `query()` and the session's bookmark to send with it (`RawRoad` of the database). */
export interface RawRoad {
  query?: (request: {
    queries: { sql: string; params?: unknown[] }[];
    bookmark?: string;
  }) => Promise<{ results: QueryResult[]; bookmark?: string }>;
  bookmark: () => string | null;
  advance: (bookmark: string | undefined) => void;
}

const noSpan = { setAttribute: () => {} };

/** A prepared statement that adds what it costs to `bill` (the statements a batch runs are billed there). */
export class MeteredStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly bill: D1Bill,
    private readonly road?: RawRoad,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.bill, this.road);
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    const { results } = await this.all<Record<string, unknown>>();
    const row = results[0];
    if (!row) return null;
    return (colName === undefined ? row : row[colName]) as T;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    charge(this.bill, [result]);
    return result;
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    charge(this.bill, [result]);
    return result;
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<[string[], ...T[]] | T[]> {
    const answer = await this.rawAnswer();
    if (!answer) {
      this.bill.roundTrips += 1;
      this.bill.statements += 1;
      return options?.columnNames ? this.inner.raw<T>({ columnNames: true }) : this.inner.raw<T>();
    }
    charge(this.bill, [answer]);
    const rows = (answer.results?.rows ?? []) as T[];
    return options?.columnNames ? [answer.results?.columns ?? [], ...rows] : rows;
  }

  /** Rows, columns and meta of this statement by one of the two roads, or `undefined` when neither is open. */
  private async rawAnswer(): Promise<RawAnswer | undefined> {
    const path = this.inner as unknown as InternalPath;
    if (path.statement === undefined) return undefined;
    const send = path.dbSession?._sendOrThrow;
    if (send) {
      const sent = await send.call(
        path.dbSession,
        '/query',
        path.statement,
        path.params ?? [],
        'ROWS_AND_COLUMNS',
        noSpan,
      );
      // One statement comes back as a list of one, as the binding's own `raw()` allows for.
      return Array.isArray(sent) ? sent[0] : sent;
    }
    if (!this.road?.query) return undefined;
    const answer = await this.road.query({
      queries: [{ sql: path.statement, params: path.params ?? [] }],
      bookmark: this.road.bookmark() ?? undefined,
    });
    this.road.advance(answer.bookmark);
    const [first] = answer.results;
    return first && { meta: first.meta, results: first.data };
  }
}

/** Unwraps metered statements for the binding's `batch`, which only takes its own. */
export function innerStatements(statements: D1PreparedStatement[]): D1PreparedStatement[] {
  return statements.map((s) => (s instanceof MeteredStatement ? s.inner : s));
}

/** Bills one batch: one round trip, however many statements. */
export function chargeBatch(bill: D1Bill, results: D1Result[]) {
  charge(bill, results);
}
