import type { ByteDevice } from './loopback-transport';
import type { ByteTransport } from './transport';
import { wireTimeMs } from './serial-transport';

export interface AttachOptions {
  /** Pace replies as a UART at this many baud would (8N1: 10 bits per byte); unpaced when absent. */
  paceBaud?: number;
}

/** Before a paced reply's last byte is due, the time it is awaited turn by turn instead of by a 1 ms timer. */
const LAST_STRETCH_MS = 1.5;

/** A simulator sitting on the far end of a byte transport (e.g. the device end of a pty pair). */
export interface AttachedDevice {
  detach(): Promise<void>;
}

/**
 * Puts a ByteDevice on the device end of a transport: host bytes go to `device.receive`, the device's replies
 * are written back, optionally paced at a baud rate, because a pty has no line speed of its own and a bench
 * that compares against wire time needs one.
 */
export async function attachToTransport(device: ByteDevice, transport: ByteTransport, opts: AttachOptions = {}): Promise<AttachedDevice> {
  await transport.open();
  const onData = (chunk: Buffer) => device.receive(chunk);
  transport.on('data', onData);
  let outbox: Promise<void> = Promise.resolve();
  let freeAt = 0; // performance.now() when the line is free again
  const sendPaced = async (bytes: Buffer, baud: number) => {
    // Each byte leaves no earlier than a real UART would send it. Deadlines are anchored at the reply's
    // start, so timer lateness is caught up by sending what is due at once, never accumulated. What is due
    // goes out at most once a millisecond (a UART's FIFO, a USB-serial adapter's 1 ms frames), not in
    // hundreds of two-byte writes that would load the event loop both ends share; the last millisecond is
    // awaited turn by turn (setImmediate), so the last byte leaves when it is due, not a timer tick later.
    const msPerByte = wireTimeMs(1, baud);
    const start = Math.max(freeAt, performance.now());
    const end = start + bytes.length * msPerByte;
    freeAt = end;
    let sent = 0;
    while (sent < bytes.length) {
      const now = performance.now();
      const due = now >= end ? bytes.length : Math.min(bytes.length, Math.floor((now - start) / msPerByte));
      if (due > sent && (due === bytes.length || end - now > LAST_STRETCH_MS)) {
        if (!transport.isOpen) return;
        await transport.write(bytes.subarray(sent, due));
        sent = due;
      }
      if (sent < bytes.length) await new Promise((r) => (end - performance.now() > LAST_STRETCH_MS ? setTimeout(r, 1) : setImmediate(r)));
    }
  };
  device.connect((bytes) => {
    const copy = Buffer.from(bytes);
    outbox = outbox
      .then(() => (opts.paceBaud ? sendPaced(copy, opts.paceBaud) : transport.isOpen ? transport.write(copy) : undefined))
      .catch(() => undefined);
  });
  return {
    async detach() {
      device.disconnect();
      transport.off('data', onData);
      await outbox;
      await transport.close();
    },
  };
}
