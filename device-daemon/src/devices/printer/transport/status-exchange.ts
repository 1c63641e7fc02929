import type { ByteTransport } from '../../core/transport';
import { ReplySlot } from '../../core/reply-slot';
import { SerialQueue } from '../../core/serial-queue';
import type { StatusKind } from '../codec/commands';
import { OFFLINE, isStatusByte, parseStatus, statusRequest, type StatusReplies } from '../codec/status';
import type { StatusReading } from '../readiness';

/**
 * One DLE EOT request at a time over a byte transport, each answered by one status byte or by a timeout.
 *
 * Framing: without automatic status back (GS a) a printer sends nothing unasked, so the first byte that
 * matches 0xx1 xx10 after a request is its answer. Bytes that arrive while nothing is asked (a late answer
 * after a timeout, line noise) are dropped, so they cannot be taken for the next answer, and so are bytes
 * that break the fixed bits.
 */
export class StatusExchange {
  private readonly reply = new ReplySlot<number | undefined>();
  private readonly queue = new SerialQueue();

  constructor(private readonly transport: ByteTransport) {}

  /** Feed every received chunk here. */
  onData(chunk: Buffer): void {
    for (const b of chunk) if (isStatusByte(b)) this.reply.answer(b);
  }

  /** The transport closed: a pending request will never be answered. */
  abort(): void {
    this.reply.answer(undefined);
  }

  /** Asks DLE EOT n; resolves with the reply byte, or undefined after `timeoutMs` without one. */
  ask(n: StatusKind, timeoutMs: number): Promise<number | undefined> {
    return this.queue.run(() => {
      const reply = this.reply.wait(timeoutMs, () => undefined);
      this.transport.write(statusRequest(n)).catch((err: Error) => this.reply.fail(err));
      return reply;
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
