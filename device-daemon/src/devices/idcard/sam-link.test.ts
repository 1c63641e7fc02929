import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ByteTransport } from '../core/transport';
import { SamLink } from './sam-link';
import { Command } from './codec/frame';
import { uniformTimeouts } from './timing';

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

describe('SamLink', () => {
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
