import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair } from '../support/pty';
import { CharDeviceTransport } from '../../device-daemon/src/devices/printer/transport/chardev-transport';
import { EscPosPrinter } from '../../device-daemon/src/devices/printer/driver';
import { PrinterSimulator } from '../../device-daemon/src/devices/printer/sim/simulator';
import { attachToSerialPort } from '../../device-daemon/src/devices/printer/sim/attach';
import type { PrintDocument } from '../../device-daemon/src/devices/printer';

const doc: PrintDocument = {
  purpose: 'ticket',
  lines: [{ kind: 'text', text: 'C101', size: 4 }, { kind: 'qr', data: 'ticket-C101' }, { kind: 'cut' }],
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

function printerOn(path: string, statusReplies: 'required' | 'optional' = 'optional') {
  const printer = new EscPosPrinter({
    driver: 'escpos-device', transport: new CharDeviceTransport(path), statusIntervalMs: 60_000, statusTimeoutMs: 300,
    writeTimeoutMs: 3000, statusReplies, cut: 'full', timeZone: 'Asia/Shanghai',
  });
  cleanup.push(() => printer.close());
  return printer;
}

describe('ESC/POS printer on a character device (node:fs, non-blocking)', () => {
  it('writes and reads DLE EOT replies through a character device (a pty standing in for /dev/usb/lp0)', async () => {
    const pty = await openPtyPair();
    cleanup.push(() => pty.close());
    const sim = new PrinterSimulator();
    const attached = await attachToSerialPort(sim, pty.devicePath);
    cleanup.push(() => attached.close());
    const printer = printerOn(pty.hostPath);
    await printer.open();
    expect(printer.status().detail).toMatchObject({ statusKnown: true, paper: 'ok' });
    await printer.print(doc);
    expect(sim.roll.list()[0]).toMatchObject({ qr: ['ticket-C101'], cut: true });
    expect(sim.roll.list()[0]!.lines[0]!.text).toBe('C101');
    sim.set({ cover: 'open' });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'COVER_OPEN' } });
  });

  it('a device that never answers (/dev/null) is "status unknown" and printing is not blocked', async () => {
    const printer = printerOn('/dev/null');
    await printer.open();
    expect(printer.state).toBe('idle');
    expect(printer.status().detail).toMatchObject({ statusKnown: false, paper: 'unknown' });
    const started = Date.now();
    await printer.ensureReady();
    await printer.print(doc);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(printer.status().statistics.ReceiptPrintedCount).toBe(1);
  });

  it('a missing device node is offline with ENOENT, not a crash', async () => {
    const printer = printerOn('/dev/usb/lp-does-not-exist');
    await printer.open();
    expect(printer.state).toBe('offline');
    expect(printer.status().recentErrors[0]).toMatchObject({ code: 'ENOENT' });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE' } });
  });
});
