import type { ByteDevice } from '../../core/loopback-transport';
import type { ByteTransport } from '../../core/transport';

export interface AttachOptions {
  /** Pace replies as a UART at this many baud would (8N1: 10 bits per byte); unpaced when absent. */
  paceBaud?: number;
}

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
    // Send in slices of about 1 ms of line time, each not before its bytes would have left a real UART.
    const slice = Math.max(1, Math.floor(baud / 10 / 1000));
    for (let at = 0; at < bytes.length; at += slice) {
      const piece = bytes.subarray(at, at + slice);
      freeAt = Math.max(freeAt, performance.now()) + (piece.length * 10 * 1000) / baud;
      const wait = freeAt - performance.now();
      if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
      if (!transport.isOpen) return;
      await transport.write(piece);
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
