import type { ByteTransport } from '../core/transport';
import { ReplySlot } from '../core/reply-slot';
import { SerialQueue } from '../core/serial-queue';
import { wireTimeMs } from '../core/serial-transport';
import { FrameDecoder, parseReply, type Reply } from './codec/decoder';
import { encodeCommand } from './codec/frame';
import { IdCardError } from './codec/status';
import { timeoutFor, type CommandTimeouts } from './timing';

export interface SamLinkOptions {
  /** Silence allowed per command besides the reply's own wire time. */
  timeouts: CommandTimeouts;
  /** Line speed, to add the wire time of the expected reply to the timeout. */
  baudRate: number;
}

/** A reply and when its last byte arrived (performance.now()), for latency measurements. */
export interface TimedReply extends Reply {
  lastByteAt: number;
}

/**
 * One command at a time to the SAM module and its reply back, over any ByteTransport.
 *
 * Contract: `exchange` resolves with the next reply frame after its command was written, or rejects with an
 * IdCardError: REPLY_CHECKSUM / REPLY_LENGTH (a broken frame arrived), REPLY_TIMEOUT (nothing complete within
 * the timeout; half-received bytes are dropped), READER_DISCONNECTED (the transport closed). Calls queue up;
 * frames that arrive while nothing is pending are dropped.
 */
export class SamLink {
  private readonly decoder = new FrameDecoder();
  private readonly reply = new ReplySlot<TimedReply>();
  private readonly queue = new SerialQueue();
  private readonly onData = (chunk: Buffer) => this.received(chunk);

  constructor(
    private readonly transport: ByteTransport,
    private readonly opts: SamLinkOptions,
  ) {}

  attach(): void {
    this.decoder.reset();
    this.transport.on('data', this.onData);
  }

  detach(): void {
    this.transport.off('data', this.onData);
    this.transport.expect?.(1);
    this.reply.fail(new IdCardError('READER_DISCONNECTED', '读卡器连接已断开', 'communication'));
  }

  /** Sends CMD PARA and waits for the reply; `expectBytes` is the reply's size, for the timeout. */
  exchange(command: readonly [number, number], expectBytes = 64): Promise<TimedReply> {
    return this.queue.run(() => this.exchangeNow(command, expectBytes));
  }

  private exchangeNow(command: readonly [number, number], expectBytes: number): Promise<TimedReply> {
    const wireMs = Math.ceil(wireTimeMs(expectBytes, this.opts.baudRate));
    const reply = this.reply.wait(timeoutFor(command, this.opts.timeouts) + wireMs, () => {
      this.decoder.reset();
      this.transport.expect?.(1);
      throw new IdCardError('REPLY_TIMEOUT', '读卡器无应答', 'communication');
    });
    // The reply can fail (the link detached as the driver closes, a timeout) while the command is still being
    // written, before it is returned to the caller: marked handled here, so that is no unhandled rejection
    // (which stops the process); the caller still gets the failure.
    reply.catch(() => undefined);
    // The reply is not held back until the write has settled: a serial port's write settles after a drain on
    // the thread pool, and a reply that came first (a 15-byte find reply is 1.3 ms on the wire) waited for
    // it, so the next command did too, by as long as that thread waited for a core. A failed write still
    // fails this exchange while it waits; one failing after its reply came leaves the next exchange alone.
    let settled = false;
    reply.then(
      () => (settled = true),
      () => (settled = true),
    );
    this.transport.expect?.(this.decoder.needed);
    this.transport.write(encodeCommand(command)).catch((err: Error) => {
      if (!settled) this.reply.fail(new IdCardError('READER_DISCONNECTED', `写入读卡器失败：${err.message}`, 'communication'));
    });
    return reply;
  }

  private received(chunk: Buffer): void {
    const at = performance.now();
    const results = this.decoder.push(chunk);
    // A 1295-byte read reply comes in some 80 of a USB adapter's 1 ms frames; the transport may wake the
    // loop once for all the bytes the frame still needs instead (docs/PERFORMANCE.md, the card read path).
    this.transport.expect?.(this.reply.waiting ? this.decoder.needed : 1);
    for (const r of results) {
      if (!this.reply.waiting) continue;
      if (r.kind === 'error') {
        const code = r.code === 'FRAME_CHECKSUM' ? 'REPLY_CHECKSUM' : 'REPLY_LENGTH';
        this.reply.fail(new IdCardError(code, code === 'REPLY_CHECKSUM' ? '读卡器应答校验错误' : '读卡器应答长度错误', 'communication'));
        continue;
      }
      const reply = parseReply(r.body);
      if (!reply) this.reply.fail(new IdCardError('REPLY_LENGTH', '读卡器应答长度错误', 'communication'));
      else this.reply.answer({ ...reply, lastByteAt: at });
    }
  }
}
