import type { UserHub } from '../src/live/user-hub.ts';

/**
 * Test-only stand-ins for the worker's bindings that fail on purpose: a D1 database that throws on its n-th
 * statement or batch (as D1 does when its storage is overloaded or the connection drops), and a `UserHub`
 * namespace whose stubs throw or never answer. Everything else is passed to the real bindings, so the
 * queries still run against real local D1.
 */

/** The message D1 gives a transient failure; the worker must answer it with a 503, not a 500. */
export const INJECTED_D1_ERROR = 'D1_ERROR: Network connection lost. (injected fault)';

export interface FaultPlan {
  /** 1-based: the call (one statement or one batch) that throws; 0 never. */
  failAt: number;
  /** Calls made so far (statements and batches each count once). */
  calls: number;
  /**
   * `after`: the failing call runs (and commits) before it throws, as when the connection drops on D1's
   * answer rather than on the way there. The default, `before`, throws without running it.
   */
  when?: 'before' | 'after';
}

/** Counts a call; throws first when it fails `before`, or runs it and then throws when it fails `after`. */
async function tick<T>(plan: FaultPlan, run: () => Promise<T>): Promise<T> {
  plan.calls += 1;
  if (plan.calls !== plan.failAt) return run();
  if (plan.when === 'after') await run();
  throw new Error(INJECTED_D1_ERROR);
}

/** Hand-written rather than a Proxy: D1's `batch` wants its own statement objects back, unwrapped. */
class FaultyStatement {
  readonly inner: D1PreparedStatement;
  readonly plan: FaultPlan;

  constructor(inner: D1PreparedStatement, plan: FaultPlan) {
    this.inner = inner;
    this.plan = plan;
  }

  bind(...values: unknown[]): FaultyStatement {
    return new FaultyStatement(this.inner.bind(...values), this.plan);
  }

  async first<T>(column?: string): Promise<T | null> {
    return tick(this.plan, () =>
      column === undefined ? this.inner.first<T>() : this.inner.first<T>(column),
    );
  }

  async run<T>(): Promise<D1Result<T>> {
    return tick(this.plan, () => this.inner.run<T>());
  }

  async all<T>(): Promise<D1Result<T>> {
    return tick(this.plan, () => this.inner.all<T>());
  }

  async raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    return tick(this.plan, () =>
      options?.columnNames
        ? (this.inner.raw<T>({ columnNames: true }) as unknown as Promise<T[]>)
        : this.inner.raw<T>(),
    );
  }
}

/** The statement-level part both a database and a D1 session have: `prepare` and `batch`. */
function faultyQueries(db: D1Database | D1DatabaseSession, plan: FaultPlan) {
  return {
    prepare: (sql: string) => new FaultyStatement(db.prepare(sql), plan),
    batch: async (statements: FaultyStatement[]) =>
      tick(plan, () => db.batch(statements.map((s) => s.inner))),
  };
}

export function faultyD1(db: D1Database, plan: FaultPlan): D1Database {
  const wrapper = {
    ...faultyQueries(db, plan),
    exec: async (sql: string) => tick(plan, () => db.exec(sql)),
    // Sessions (read replication) fail the same way; their bookmark is the real one.
    withSession: (constraint?: string) => {
      const session = db.withSession(constraint);
      return { ...faultyQueries(session, plan), getBookmark: () => session.getBookmark() };
    },
    dump: () => db.dump(),
  };
  return wrapper as unknown as D1Database;
}

/**
 * A `UserHub` namespace whose every stub throws (`'throw'`) or never answers (`'hang'`), whichever method
 * is called on it (RPC `publish`, or `fetch` for a socket). A Proxy, so a hub method added later is faulty too.
 */
export function faultyHubs<Namespace extends DurableObjectNamespace<UserHub>>(
  real: Namespace,
  mode: 'throw' | 'hang',
): Namespace {
  const fail = () =>
    mode === 'throw'
      ? Promise.reject(new Error('Durable Object reset because its code was updated. (injected fault)'))
      : new Promise<never>(() => {});
  const stub = new Proxy({}, { get: () => fail });
  return {
    idFromName: (name: string) => real.idFromName(name),
    idFromString: (id: string) => real.idFromString(id),
    newUniqueId: () => real.newUniqueId(),
    get: () => stub,
  } as unknown as Namespace;
}
