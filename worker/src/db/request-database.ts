import { drizzle } from 'drizzle-orm/d1';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import {
  chargeBatch,
  type D1Bill,
  emptyBill,
  formatBill,
  innerStatements,
  MeteredStatement,
  type RawRoad,
} from './d1-metering.ts';

/** The header that carries a D1 Sessions bookmark both ways: the client sends back the last one it got. */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
/** The per-request D1 bill, only when `D1_METERING=1` (the bench and tests set it; production never does). */
export const BILL_HEADER = 'X-D1-Bill';

/**
 * A D1 session seen through the `D1Database` shape drizzle takes. Every query of the request runs in the
 * one session, so the request reads what it wrote and, from the client's bookmark, everything the same
 * person wrote before, while a replica may serve it.
 */
class SessionDatabase implements D1Database {
  /** A bookmark from metering's own road to D1 (`RawRoad`), newer than the session's when it wrote last. */
  private metered: string | null = null;

  constructor(
    private readonly session: D1DatabaseSession,
    private readonly bill: D1Bill | null,
    private readonly binding: D1Database,
  ) {}

  prepare(query: string): D1PreparedStatement {
    const statement = this.session.prepare(query);
    if (!this.bill) return statement;
    const query_ = (this.binding as unknown as { query?: RawRoad['query'] }).query;
    return new MeteredStatement(statement, this.bill, {
      query: query_ && ((request) => query_.call(this.binding, request)),
      bookmark: () => this.bookmark(),
      advance: (bookmark) => {
        if (bookmark && (this.metered === null || bookmark.localeCompare(this.metered) > 0))
          this.metered = bookmark;
      },
    });
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const results = await this.session.batch<T>(innerStatements(statements));
    if (this.bill) chargeBatch(this.bill, results);
    return results;
  }

  exec(): Promise<D1ExecResult> {
    throw new Error('exec is for migrations, not for requests');
  }

  withSession(): D1DatabaseSession {
    return this.session;
  }

  dump(): Promise<ArrayBuffer> {
    throw new Error('dump is deprecated');
  }

  bookmark(): string | null {
    const own = this.session.getBookmark();
    return own === null || (this.metered !== null && this.metered.localeCompare(own) > 0)
      ? this.metered
      : own;
  }
}

// D1 bookmarks are opaque; this only keeps junk and oversized values away from the binding.
const plausibleBookmark = /^[\w.:+/=-]{1,256}$/;

/**
 * Puts the request's drizzle database on the context: a D1 session that starts from the caller's
 * bookmark (or anywhere for a read, the primary for a write), metered when `D1_METERING=1`. The
 * bookmark after the request goes back in `X-D1-Bookmark`.
 */
export const databasePerRequest = createMiddleware<AppEnv>(async (c, next) => {
  const sent = c.req.header(BOOKMARK_HEADER)?.trim();
  const start =
    sent && plausibleBookmark.test(sent)
      ? sent
      : c.req.method === 'GET'
        ? 'first-unconstrained'
        : 'first-primary';
  const bill = c.env.D1_METERING === '1' ? emptyBill() : null;
  const database = new SessionDatabase(c.env.DB.withSession(start), bill, c.env.DB);
  c.set('d1', database);
  c.set('db', drizzle(database));
  const billed = bill && billAtAnswer(c, bill);
  await next();
  // A WebSocket upgrade answers with the hub's own response, whose headers cannot change.
  if (c.res.status === 101) return;
  const bookmark = database.bookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
  if (billed) c.header(BILL_HEADER, formatBill(billed()));
});

/**
 * The bill as it stood when the handler (or the error handler) made its answer: D1 calls the handler
 * started without awaiting — the live events of a send, read for `waitUntil` — are not on the response's
 * path, however soon they finish. Hono builds every answer through `c.json`, `c.body` or `c.text`.
 */
function billAtAnswer(c: Context<AppEnv>, bill: D1Bill): () => D1Bill {
  let atAnswer: D1Bill | null = null;
  const freeze = () => {
    atAnswer ??= { ...bill };
  };
  const { json, body, text } = c;
  c.json = ((...args: Parameters<typeof json>) => {
    freeze();
    return json(...args);
  }) as typeof json;
  c.body = ((...args: Parameters<typeof body>) => {
    freeze();
    return body(...args);
  }) as typeof body;
  c.text = ((...args: Parameters<typeof text>) => {
    freeze();
    return text(...args);
  }) as typeof text;
  return () => atAnswer ?? bill;
}
