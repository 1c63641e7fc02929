import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';

/**
 * The production serial transport on a real pseudo-terminal (socat): it reads on the event loop from a
 * descriptor of its own (docs/PERFORMANCE.md, the card read path), so what a port owes its driver is checked
 * here, beside the drivers' own pty tests: bytes both ways, one `close` per open whoever closed, no descriptor
 * left behind, reopening, and the port vanishing told as a disconnect.
 */
let pair: PtyPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

/** This process's descriptors on `tty` (a /dev/pts path: socat's link resolved). */
function descriptorsOn(tty: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(tty);
    } catch {
      return false;
    }
  }).length;
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('SerialTransport on a pty', () => {
  it('reads on the event loop, carries bytes both ways in order, and closes every descriptor it opened', async () => {
    pair = await openPtyPair();
    const host = new SerialTransport(pair.hostPath, 115200);
    const device = new SerialTransport(pair.devicePath, 115200);
    const tty = realpathSync(pair.hostPath);
    await host.open();
    await device.open();
    expect(host.readsOnLoop).toBe(true);
    const atDevice: Buffer[] = [];
    const atHost: Buffer[] = [];
    device.on('data', (c) => atDevice.push(c));
    host.on('data', (c) => atHost.push(c));
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
    await host.write(bytes);
    await device.write(bytes.subarray(0, 1295));
    for (let i = 0; i < 100 && (Buffer.concat(atDevice).length < 3000 || Buffer.concat(atHost).length < 1295); i++) await settle();
    expect(Buffer.concat(atDevice)).toEqual(bytes);
    expect(Buffer.concat(atHost)).toEqual(bytes.subarray(0, 1295));
    expect(descriptorsOn(tty)).toBe(2); // serialport's and the one the loop reads

    const closes: (Error | undefined)[] = [];
    host.on('close', (err) => closes.push(err));
    await host.close();
    await settle();
    expect(closes).toEqual([undefined]);
    expect(host.isOpen).toBe(false);
    expect(descriptorsOn(tty)).toBe(0);

    await host.open(); // the transport's listeners stay across a reopen
    atHost.length = 0;
    await device.write(Buffer.from('again'));
    for (let i = 0; i < 100 && Buffer.concat(atHost).length < 5; i++) await settle();
    expect(Buffer.concat(atHost).toString()).toBe('again');
    await host.close();
    await device.close();
    await settle();
    expect(descriptorsOn(tty)).toBe(0);
  });

  it('with expect(n) wakes the loop once n bytes are in, not for each write before, and for every byte again after expect(1)', async () => {
    pair = await openPtyPair();
    const host = new SerialTransport(pair.hostPath, 115200);
    const device = new SerialTransport(pair.devicePath, 115200);
    await host.open();
    await device.open();
    const chunks: Buffer[] = [];
    host.on('data', (c) => chunks.push(c));
    host.expect(100);
    for (let i = 0; i < 9; i++) {
      await device.write(Buffer.alloc(10, i));
      await settle();
    }
    expect(chunks).toHaveLength(0); // 90 bytes are in the tty: the kernel does not report it readable yet
    await device.write(Buffer.alloc(10, 9));
    for (let i = 0; i < 100 && Buffer.concat(chunks).length < 100; i++) await settle();
    // All 100, in at most two reads (Linux hands over 64 bytes a read while VMIN is above 1), not ten.
    expect(Buffer.concat(chunks)).toEqual(Buffer.concat(Array.from({ length: 10 }, (_, i) => Buffer.alloc(10, i))));
    expect(chunks.length).toBeLessThanOrEqual(2);
    chunks.length = 0;
    host.expect(1);
    await device.write(Buffer.from('abc'));
    for (let i = 0; i < 100 && chunks.length < 1; i++) await settle();
    expect(Buffer.concat(chunks).toString()).toBe('abc');
    chunks.length = 0;
    host.expect(50);
    await host.close(); // the next opener finds VMIN back at 1: a single byte is read
    await host.open();
    await device.write(Buffer.from('z'));
    for (let i = 0; i < 100 && chunks.length < 1; i++) await settle();
    expect(Buffer.concat(chunks).toString()).toBe('z');
    await host.close();
    await device.close();
  });

  it('keeps bytes in order when a write is more than the tty takes at once and others follow before it drains', async () => {
    pair = await openPtyPair();
    const host = new SerialTransport(pair.hostPath, 115200);
    const device = new SerialTransport(pair.devicePath, 115200);
    await host.open();
    await device.open();
    const got: Buffer[] = [];
    device.on('data', (c) => got.push(c));
    const big = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7) % 251));
    const small = Array.from({ length: 20 }, (_, i) => Buffer.from(`after-${i}`));
    const writes = [host.write(big)];
    // Issued while the big one is still under way, as the tty's buffer empties and fills again.
    for (const b of small) {
      await new Promise((r) => setTimeout(r, 1));
      writes.push(host.write(b));
    }
    await Promise.all(writes);
    const want = Buffer.concat([big, ...small]);
    for (let i = 0; i < 200 && Buffer.concat(got).length < want.length; i++) await settle();
    expect(Buffer.concat(got).equals(want)).toBe(true);
    await host.close();
    await device.close();
  });

  it('tells the far end vanishing as one close with a disconnect error, and holds no descriptor after it', async () => {
    pair = await openPtyPair();
    const host = new SerialTransport(pair.hostPath, 115200);
    await host.open();
    host.on('data', () => undefined);
    const tty = realpathSync(pair.hostPath);
    const closes: (Error & { disconnected?: boolean })[] = [];
    const closed = new Promise<void>((resolve) => host.on('close', (err) => (closes.push(err!), resolve())));
    await pair.close();
    pair = undefined;
    await closed;
    await settle();
    expect(closes).toHaveLength(1);
    expect(closes[0]?.disconnected).toBe(true);
    expect(host.isOpen).toBe(false);
    await expect(host.write(Buffer.from([1]))).rejects.toMatchObject({ code: 'ENOTOPEN' });
    expect(descriptorsOn(tty)).toBe(0);
  });

  it('rejects a missing port with ENOENT', async () => {
    await expect(new SerialTransport('/dev/nonexistent-kiosk-port', 115200).open()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
