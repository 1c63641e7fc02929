import type { ByteTransport } from '../../core/transport';
import { ReplySlot } from '../../core/reply-slot';
import { SerialQueue } from '../../core/serial-queue';
import type { StatusKind } from '../codec/commands';
import { OFFLINE, parseStatus, statusRequest, type PrinterStatus, type StatusReplies } from '../codec/status';
import { StatusFramer } from '../codec/asb';
import type { StatusReading } from '../readiness';

/**
 * One DLE EOT request at a time over a byte transport, each answered by one status byte or by a timeout.
 *
 * Framing: a printer sends two things back: DLE EOT answers (one byte, 0xx1 xx10) and, once GS a enabled
 * it, automatic status back frames (4 bytes, 0xx1 xx00 then three 0xx0 xxxx; codec/asb.ts). The framer
 * tells them apart byte by byte, so a pushed frame is never taken for an answer: the first reply byte after
 * a request is its answer, and every whole ASB frame goes to `onAsb`. Reply bytes that arrive while nothing
 * is asked (a late answer after a timeout, line noise) are dropped, so they cannot be taken for the next
 * answer, and so are bytes that fit neither frame.
 */
export class StatusExchange {
  private readonly reply = new ReplySlot<number | undefined>();
  private readonly queue = new SerialQueue();

  private readonly framer = new StatusFramer();

  constructor(
    private readonly transport: ByteTransport,
    private readonly onAsb: (status: PrinterStatus) => void = () => undefined,
  ) {}

  /** Feed every received chunk here. */
  onData(chunk: Buffer): void {
    for (const b of chunk) {
      const frame = this.framer.push(b);
      if (frame?.type === 'reply') this.reply.answer(frame.byte);
      else if (frame?.type === 'asb') this.onAsb(frame.status);
    }
  }

  /** The transport closed: a pending request will never be answered, a half frame never completed. */
  abort(): void {
    this.framer.reset();
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
