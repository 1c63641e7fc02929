import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ByteTransport } from '../core/transport';
import { SamLink } from './sam-link';
import { Command } from './codec/frame';
import { uniformTimeouts } from './timing';
import { pollCycle } from './card-cycle';
import { SW3 } from './codec/status';
import { IdCardSimulator } from './sim/simulator';
import { CARD_PROFILES } from './sim/profiles';

/** A transport whose writes are handed over only when the test says (a serial port's drain still under way). */
class SlowWriteTransport extends EventEmitter implements ByteTransport {
  readonly description = 'slow writes';
  readonly isOpen = true;
  private finish: (() => void) | undefined;
  async open(): Promise<void> {}
  async close(): Promise<void> {}
  write(): Promise<void> {
    return new Promise((resolve) => (this.finish = resolve));
  }
  drained(): void {
    this.finish?.();
  }
}

/**
 * A serial port whose writes reach the reader at once but settle only when the test says: the drain that
 * follows each write on libuv's thread pool, still waiting for a core when the reply is back.
 */
class DrainingTransport extends EventEmitter implements ByteTransport {
  readonly description = 'drains late';
  readonly isOpen = true;
  readonly undrained: (() => void)[] = [];
  constructor(private readonly reader: IdCardSimulator) {
    super();
    reader.connect((bytes) => setImmediate(() => this.emit('data', Buffer.from(bytes))));
  }
  async open(): Promise<void> {}
  async close(): Promise<void> {}
  write(bytes: Uint8Array): Promise<void> {
    const copy = Buffer.from(bytes);
    setImmediate(() => this.reader.receive(copy));
    return new Promise((resolve) => this.undrained.push(resolve));
  }
}

describe('SamLink', () => {
  it('sends the next command of a card cycle when the reply is in, not when the write before it has drained', async () => {
    const reader = new IdCardSimulator();
    reader.putCard(CARD_PROFILES.resident!);
    const transport = new DrainingTransport(reader);
    const link = new SamLink(transport, { timeouts: uniformTimeouts(1000), baudRate: 115200 });
    link.attach();
    const cycle = pollCycle(link, false);
    // No drain settles meanwhile: a link that waited for one stops after the find (the field's slow turnaround).
    for (let turn = 0; turn < 50 && reader.received.length < 3; turn++) await new Promise((r) => setImmediate(r));
    expect(reader.received).toEqual([[0x20, 0x01], [0x20, 0x02], [0x30, 0x01]]);
    expect(transport.undrained).toHaveLength(3);
    expect((await cycle).kind).toBe('read');
    for (const drained of transport.undrained) drained();
    link.detach();
  });

  it('fails an exchange whose write fails, and leaves the next exchange alone when a write fails after its reply came', async () => {
    const reader = new IdCardSimulator();
    const failing = new (class extends DrainingTransport {
      fails: ((err: Error) => void)[] = [];
      override write(bytes: Uint8Array): Promise<void> {
        void super.write(bytes);
        return new Promise((_, reject) => this.fails.push(reject));
      }
    })(reader);
    const link = new SamLink(failing, { timeouts: uniformTimeouts(1000), baudRate: 115200 });
    link.attach();
    expect((await link.exchange(Command.FIND_CARD)).sw3).toBe(SW3.NO_CARD); // no card; its write has not settled
    const select = link.exchange(Command.SELECT_CARD);
    failing.fails[0]!(new Error('EIO')); // the find's write fails late: not the select's failure
    expect((await select).sw3).toBe(SW3.SELECT_FAILED);
    reader.fault = 'mute';
    const find = link.exchange(Command.FIND_CARD);
    await new Promise((r) => setImmediate(r));
    failing.fails[2]!(new Error('EIO'));
    await expect(find).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
    link.detach();
  });

  it('fails an exchange whose command is still being written when the link is detached, without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const transport = new SlowWriteTransport();
      const link = new SamLink(transport, { timeouts: uniformTimeouts(1000), baudRate: 115200 });
      link.attach();
      const exchange = link.exchange(Command.FIND_CARD);
      await new Promise((r) => setImmediate(r));
      link.detach(); // the driver closing while the find is written (its drain on the thread pool)
      await new Promise((r) => setTimeout(r, 20)); // unhandled rejections are reported after a turn or two
      transport.drained();
      await expect(exchange).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
