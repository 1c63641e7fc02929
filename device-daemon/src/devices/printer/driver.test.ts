import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackTransport } from '../core/loopback-transport';
import type { DeviceStatus } from '../core/device';
import { EscPosPrinter } from './driver';
import { PrinterSimulator } from './sim/simulator';
import type { PrintDocument } from './codec/document';

const ticket: PrintDocument = {
  purpose: 'ticket',
  lines: [
    { kind: 'text', text: '潮安区政务服务中心', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: 'A007', align: 'center', size: 4, bold: true },
    { kind: 'qr', data: 'http://hall/m/t/1', align: 'center' },
    { kind: 'text', text: '过号请重新取号', align: 'center' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ],
};

let open: EscPosPrinter[] = [];
afterEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
});

async function setup(opts: { statusReplies?: 'required' | 'optional'; statusIntervalMs?: number } = {}) {
  const sim = new PrinterSimulator();
  const link = new LoopbackTransport(sim, 'sim');
  const printer = new EscPosPrinter({
    driver: 'simulated', transport: link, statusIntervalMs: opts.statusIntervalMs ?? 60_000, statusTimeoutMs: 150,
    writeTimeoutMs: 2000, statusReplies: opts.statusReplies ?? 'required', cut: 'full', timeZone: 'Asia/Shanghai',
  });
  const statuses: DeviceStatus[] = [];
  printer.on('status', (s) => statuses.push(s));
  open.push(printer);
  await printer.open();
  return { sim, link, printer, statuses };
}

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('EscPosPrinter against the simulator', () => {
  it('prints a ticket the simulator decodes, and counts it', async () => {
    const { sim, printer } = await setup();
    expect(printer.state).toBe('idle');
    expect(printer.status().detail).toMatchObject({ paper: 'ok', cover: 'closed', online: true, statusKnown: true });
    await printer.print(ticket);
    const [receipt] = sim.roll.list();
    expect(receipt!.lines.map((l) => l.text)).toEqual(['潮安区政务服务中心', 'A007', '过号请重新取号']);
    expect(receipt!.lines[1]).toMatchObject({ size: 4, bold: true, align: 'center' });
    expect(receipt!.qr).toEqual(['http://hall/m/t/1']);
    expect(receipt!.cut).toBe(true);
    expect(sim.unknownCommands).toEqual([]);
    expect(printer.status().statistics).toMatchObject({ ReceiptPrintedCount: 1, ReceiptLinePrintedCount: 3, PaperCutCount: 1 });
    expect(printer.state).toBe('idle');
  });

  it('paper out: ensureReady throws the printer error PRINTER_NOT_READY (no HTTP status) reason PAPER_OUT and the state says so', async () => {
    const { sim, printer } = await setup();
    sim.set({ paper: 'out' });
    const err = await printer.ensureReady().catch((e) => e);
    expect(err).toMatchObject({ device: 'printer', code: 'PRINTER_NOT_READY', details: { reason: 'PAPER_OUT', message: '打印机缺纸，请联系工作人员' } });
    expect(err).not.toHaveProperty('status');
    expect(printer.state).toBe('error');
    expect(printer.status().detail).toMatchObject({ paper: 'out' });
    await expect(printer.print(ticket)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    expect(sim.roll.list()).toEqual([]);
    sim.set({ paper: 'ok' });
    await printer.ensureReady();
    expect(printer.state).toBe('idle');
  });

  it('cover open: reason COVER_OPEN, counted once per opening', async () => {
    const { sim, printer } = await setup();
    sim.set({ cover: 'open' });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'COVER_OPEN', message: '打印机仓盖未关，请联系工作人员' } });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'COVER_OPEN' } });
    expect(printer.status().statistics.ReceiptCoverOpenCount).toBe(1);
    expect(printer.status().detail).toMatchObject({ cover: 'open' });
  });

  it('an autocutter fault reads DLE EOT 3 and reports ERROR', async () => {
    const { sim, printer } = await setup();
    sim.set({ fault: 'autocutter' });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'ERROR' } });
    expect(printer.status().detail).toMatchObject({ errors: ['autocutter'] });
    expect(printer.status().statistics.PrinterFaultCount).toBe(1);
  });

  it('near end is reported (status event) but printing goes on', async () => {
    const { sim, printer, statuses } = await setup();
    sim.set({ paper: 'near-end' });
    await printer.ensureReady();
    expect(statuses.at(-1)!.detail).toMatchObject({ paper: 'near-end' });
    await printer.print(ticket);
    expect(sim.roll.list()).toHaveLength(1);
    expect((await printer.checkHealth('internal')).text).toBe('打印机正常，纸将用尽');
  });

  it('learns of paper out by polling, without being asked', async () => {
    const { sim, printer } = await setup({ statusIntervalMs: 200 });
    sim.set({ paper: 'out' });
    await until(() => printer.state === 'error');
    expect(printer.status().reason).toBe('打印机缺纸，请联系工作人员');
  });

  it('unplugged: offline and PRINTER_NOT_READY OFFLINE; plugged back: reconnects by itself', async () => {
    const { link, printer } = await setup();
    link.unplug();
    expect(printer.state).toBe('offline');
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE', message: '打印机未连接，请联系工作人员' } });
    await expect(printer.print(ticket)).rejects.toMatchObject({ code: 'PRINTER_OFFLINE' });
    link.plug();
    await until(() => printer.state === 'idle', 5000);
    await printer.ensureReady();
    expect(printer.status().statistics.CommunicationErrorCount).toBeGreaterThanOrEqual(1);
  });

  it('a printer switched off (no DLE EOT answer) is OFFLINE when replies are required', async () => {
    const { sim, printer } = await setup();
    sim.set({ online: false });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE' } });
    expect(printer.state).toBe('offline');
    expect(printer.status().detail).toMatchObject({ statusKnown: false });
  });

  it('automatic status back: paper out is known without asking; switched off and on, the driver enables it again', async () => {
    const { sim, printer } = await setup();
    await until(() => sim.asbSent === 1);
    const asked = sim.statusRequests;
    sim.set({ paper: 'out' });
    await until(() => printer.state === 'error'); // the poll is a minute away: this is the pushed frame
    await expect(printer.readyToPrint()).rejects.toMatchObject({ details: { reason: 'PAPER_OUT' } });
    expect(sim.statusRequests).toBe(asked);
    sim.set({ paper: 'ok', online: false });
    await expect(printer.ensureReady()).rejects.toMatchObject({ details: { reason: 'OFFLINE' } });
    sim.set({ online: true });
    await printer.ensureReady();
    await until(() => sim.asbSent === 3); // GS a again after the silence: its first frame
    sim.set({ cover: 'open' });
    await expect(printer.readyToPrint()).rejects.toMatchObject({ details: { reason: 'COVER_OPEN' } });
  });

  it('with optional replies (character device) silence is "unknown" and printing is not blocked', async () => {
    const { sim, printer } = await setup({ statusReplies: 'optional' });
    sim.set({ online: false });
    for (let i = 0; i < 4; i++) await printer.ensureReady();
    await printer.print(ticket); // sent, though this silent printer drops it
    expect(printer.state).toBe('idle');
    expect(sim.lostBytes).toBeGreaterThan(100);
  });

  it('the roll running out mid-ticket fails the print with PRINTER_PAPER_OUT and loses the rest', async () => {
    const { sim, printer } = await setup();
    sim.set({ paperLinesLeft: 2 }); // the hall name takes 2 lines at size 2
    await expect(printer.print(ticket)).rejects.toMatchObject({ device: 'printer', code: 'PRINTER_PAPER_OUT' });
    expect(sim.roll.list()[0]!.lines.map((l) => l.text)).toEqual(['潮安区政务服务中心']);
    expect(sim.lostBytes).toBeGreaterThan(0);
    expect(printer.status().statistics).toMatchObject({ FailedPaperCutCount: 1 });
    expect(printer.status().statistics.ReceiptPrintedCount).toBeUndefined();
  });

  it('prints one document at a time, in order, busy meanwhile', async () => {
    const { sim, printer } = await setup();
    const states: string[] = [];
    printer.on('state', (e) => states.push(e.state));
    const doc = (n: string): PrintDocument => ({ purpose: 't', lines: [{ kind: 'text', text: n }, { kind: 'cut' }] });
    await Promise.all(['1', '2', '3'].map((n) => printer.print(doc(n))));
    expect(sim.roll.list().map((r) => r.lines[0]!.text)).toEqual(['1', '2', '3']);
    expect(states).toContain('busy');
    expect(printer.state).toBe('idle');
  });

  it('checkHealth external prints the self-test page, interactive the confirmation page', async () => {
    const { sim, printer } = await setup();
    expect(await printer.checkHealth('external')).toMatchObject({ ok: true, text: '已打印自检页' });
    expect(await printer.checkHealth('interactive')).toMatchObject({ ok: true });
    const [selfTest, confirm] = sim.roll.list();
    expect(selfTest!.lines[0]!.text).toBe('打印机自检页');
    expect(selfTest!.rasters).toHaveLength(1); // the rare-character line went as an image
    expect(selfTest!.qr[0]).toMatch(/^kiosk-printer-selftest /);
    expect(confirm!.lines[0]!.text).toBe('打印机检查确认');
    sim.set({ cover: 'open' });
    expect(await printer.checkHealth('internal')).toMatchObject({ ok: false, text: '打印机仓盖未关，请联系工作人员' });
  });
});
