import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { EscPosPrinter } from '../../device-daemon/src/devices/printer/driver';
import { PrinterSimulator } from '../../device-daemon/src/devices/printer/sim/simulator';
import { attachToSerialPort, type AttachedSimulator } from '../../device-daemon/src/devices/printer/sim/attach';
import { ticketDocument } from '../../device-daemon/src/queue/ticket-layout';
import type { Ticket } from '../../device-daemon/src/queue/types';

const ticket: Ticket = {
  id: '7d1e1c1e-0000-4000-8000-000000000001', number: 'B023', categoryId: 'B', categoryName: '注册登记',
  serviceDate: '2025-03-03', state: 'issued', priority: false, delivery: 'print', printed: false, realName: false,
  waitingAhead: 4, estimatedWaitMinutes: 12, counter: null,
  estimatedWait: { lowMinutes: 10, medianMinutes: 12, highMinutes: 15, text: '约 10–15 分钟', basis: 'simulation' }, issuedAt: '2025-03-03T01:30:00.000Z',
  calledAt: null, servingAt: null, doneAt: null,
};
const layout = { hallName: '潮安区政务服务中心', timeZone: 'Asia/Shanghai', publicBaseUrl: 'http://10.0.0.5:8080' };

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function setup() {
  const pty: PtyPair = await openPtyPair();
  cleanup.push(() => pty.close());
  const sim = new PrinterSimulator();
  const attached: AttachedSimulator = await attachToSerialPort(sim, pty.devicePath, 115200);
  cleanup.push(() => attached.close());
  const printer = new EscPosPrinter({
    driver: 'escpos-serial', transport: new SerialTransport(pty.hostPath, 115200), baudRate: 115200,
    statusIntervalMs: 60_000, statusTimeoutMs: 500, writeTimeoutMs: 5000, statusReplies: 'required', cut: 'partial',
    timeZone: 'Asia/Shanghai',
  });
  cleanup.unshift(() => printer.close()); // closed before the pty goes away
  await printer.open();
  return { pty, sim, printer };
}

describe('ESC/POS printer over a real pty (production driver + SerialTransport, simulator on the far end)', () => {
  it('prints a queue ticket that decodes back to its number, category, QR and cut', async () => {
    const { sim, printer } = await setup();
    expect(printer.state).toBe('idle');
    await printer.print(ticketDocument(ticket, layout));
    const [receipt] = sim.roll.list();
    const text = receipt!.lines.map((l) => l.text);
    expect(text).toContain('潮安区政务服务中心');
    expect(text).toContain('B023');
    expect(text).toContain('注册登记');
    expect(text).toContain('您前面还有 4 人等候');
    expect(text).toContain('预计等候：约 10–15 分钟'); // the en dash survives GB18030 both ways
    expect(text).toContain('取号时间：2025-03-03 09:30');
    expect(text.some((t) => t.includes('过号请重新取号'))).toBe(true);
    expect(receipt!.lines.find((l) => l.text === 'B023')).toMatchObject({ size: 4, bold: true, align: 'center' });
    expect(receipt!.qr).toEqual([`http://10.0.0.5:8080/m/t/${ticket.id}`]);
    expect(receipt).toMatchObject({ cut: true, partialCut: true });
    expect(sim.unknownCommands).toEqual([]);
    expect(sim.statusRequests).toBeGreaterThanOrEqual(6); // DLE EOT 1, 2, 4 before and after
  });

  it('paper out on the far end: PRINTER_NOT_READY PAPER_OUT over the wire, nothing printed', async () => {
    const { sim, printer } = await setup();
    sim.set({ paper: 'out' });
    await expect(printer.ensureReady()).rejects.toMatchObject({ code: 'PRINTER_NOT_READY', details: { reason: 'PAPER_OUT' } });
    await expect(printer.print(ticketDocument(ticket, layout))).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    expect(sim.roll.list()).toEqual([]);
    expect(printer.status().detail).toMatchObject({ paper: 'out', online: false });
  });

  it('the simulator falling silent on the line makes the printer offline, and answering again brings it back', async () => {
    const { sim, printer } = await setup();
    sim.set({ online: false });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE' } });
    expect(printer.state).toBe('offline');
    sim.set({ online: true });
    await printer.ensureReady();
    expect(printer.state).toBe('idle');
  });

  it('the pty going away (cable pulled) makes the printer offline with PRINTER_NOT_READY OFFLINE', async () => {
    const { pty, printer } = await setup();
    await pty.close();
    const end = Date.now() + 5000;
    while (printer.state !== 'offline' && Date.now() < end) {
      await printer.ensureReady().catch(() => undefined); // a write or a silent line reveals the loss
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(printer.state).toBe('offline');
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE' } });
  });
});
