import { DomainError, unavailable } from '../core/errors';

/**
 * The one place where PostgreSQL connection failures become the domain error the API answers with:
 * 503 `STORE_UNAVAILABLE`, a plain message, no driver details. Anything else (a constraint, a syntax error,
 * a DomainError thrown inside a transaction) passes through unchanged.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** SQLSTATEs meaning "the server is not there for you right now", not "your SQL is wrong". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: server stopping (pg_ctl stop -m fast)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
  '57014', // query_canceled: our statement/query timeout fired
]);

const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /not queryable/i,
  /Client was closed/i,
  /Cannot use a pool after calling end/i,
];

export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object' || err instanceof DomainError) return false;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return DRIVER_MESSAGES.some((re) => re.test(message));
}

export function storeUnavailable(err: unknown): DomainError {
  const code = (err as { code?: unknown })?.code;
  return unavailable('STORE_UNAVAILABLE', '数据服务暂时不可用，请稍后再试', typeof code === 'string' ? { cause: code } : undefined);
}

/** Runs `work`, turning a connection failure into STORE_UNAVAILABLE. */
export async function mapConnectionErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw isConnectionError(err) ? storeUnavailable(err) : err;
  }
}
