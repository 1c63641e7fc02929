import type { ByteTransport } from '../../core/transport';
import type { StatusKind } from '../codec/commands';
import { OFFLINE, isStatusByte, parseStatus, statusRequest, type StatusReplies } from '../codec/status';
import type { StatusReading } from '../readiness';

/**
 * One DLE EOT request at a time over a byte transport, each answered by one status byte or by a timeout.
 *
 * Framing: without automatic status back (GS a) a printer sends nothing unasked, so the first byte that
 * matches 0xx1 xx10 after a request is its answer. Bytes that arrive while nothing is asked (a late answer
 * after a timeout, line noise) are dropped, so they cannot be taken for the next answer; bytes that break
 * the fixed bits are counted as noise.
 */
export class StatusExchange {
  private waiting: ((byte: number | undefined) => void) | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  /** Bytes that were not a valid answer to a pending request. */
  noise = 0;

  constructor(private readonly transport: ByteTransport) {}

  /** Feed every received chunk here. */
  onData(chunk: Buffer): void {
    for (const b of chunk) {
      if (this.waiting && isStatusByte(b)) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(b);
      } else {
        this.noise++;
      }
    }
  }

  /** The transport closed: a pending request will never be answered. */
  abort(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.(undefined);
  }

  /** Asks DLE EOT n; resolves with the reply byte, or undefined after `timeoutMs` without one. */
  ask(n: StatusKind, timeoutMs: number): Promise<number | undefined> {
    const run = () => this.askNow(n, timeoutMs);
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private askNow(n: StatusKind, timeoutMs: number): Promise<number | undefined> {
    return new Promise<number | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiting = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.transport.write(statusRequest(n)).catch((err: Error) => {
        clearTimeout(timer);
        this.waiting = undefined;
        reject(err);
      });
    });
  }
}

/**
 * Asks DLE EOT 1, 2 and 4, and 3 when 2 reports an error. No answer to any of them means no status:
 * a half-answered query is not trusted.
 */
export async function readStatus(exchange: StatusExchange, timeoutMs: number): Promise<StatusReading> {
  const replies: StatusReplies = {};
  for (const n of [1, 2, 4] as const) {
    const byte = await exchange.ask(n, timeoutMs);
    if (byte === undefined) return { answered: false };
    replies[n] = byte;
  }
  if ((replies[2]! & OFFLINE.error) !== 0) {
    const byte = await exchange.ask(3, timeoutMs);
    if (byte !== undefined) replies[3] = byte;
  }
  return { answered: true, status: parseStatus(replies) };
}
