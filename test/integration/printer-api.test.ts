import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  ({ app, dataDir: dir } = await startDaemon({
    hall: { name: '潮安区政务服务中心', publicBaseUrl: 'http://hall.example' },
    devices: { printer: { driver: 'simulated', statusTimeoutMs: 200 } },
  }));
});
afterAll(async () => {
  await app?.close();
  if (dir) removeDir(dir);
});

const sim = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: body });
const issue = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/queue/tickets', payload: body });
const receipts = async () =>
  (await app.inject({ method: 'GET', url: '/api/sim/printer/receipts' })).json().receipts as {
    lines: string[]; qr: string[]; rasters: number; cut: boolean; at: string;
  }[];

beforeEach(async () => {
  await sim({ paper: 'ok', cover: 'closed', online: true, plugged: true, fault: 'none', paperLinesLeft: null });
  await app.inject({ method: 'DELETE', url: '/api/sim/printer/receipts' });
});

describe('queue tickets on the simulated printer', () => {
  it('prints the ticket: 201 printed true and the simulated printer shows the number and the QR', async () => {
    const res = await issue({ categoryId: 'A' });
    expect(res.statusCode).toBe(201);
    const { ticket } = res.json();
    expect(ticket).toMatchObject({ number: 'A001', printed: true });
    const [receipt] = await receipts();
    expect(receipt!.lines).toContain('A001');
    expect(receipt!.lines).toContain('社会民生');
    expect(receipt!.qr).toEqual([`http://hall.example/m/t/${ticket.id}`]);
    expect(receipt!.cut).toBe(true);
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.devices.printer).toMatchObject({ state: 'idle', detail: { paper: 'ok', cover: 'closed' } });
    expect(health.devices.printer.statistics.ReceiptPrintedCount).toBeGreaterThanOrEqual(1);
  });

  it('paper out: 503 PRINTER_NOT_READY, no number used; screen delivery still works', async () => {
    const first = (await issue({ categoryId: 'B' })).json().ticket.number;
    await sim({ paper: 'out' });
    const refused = await issue({ categoryId: 'B' });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'PAPER_OUT', message: '打印机缺纸，请联系工作人员' });
    const screen = await issue({ categoryId: 'B', delivery: 'screen' });
    expect(screen.statusCode).toBe(201);
    expect(screen.json().ticket).toMatchObject({ number: 'B002', printed: false, delivery: 'screen' });
    await sim({ paper: 'ok' });
    const next = await issue({ categoryId: 'B' });
    expect(first).toBe('B001');
    expect(next.json().ticket).toMatchObject({ number: 'B003', printed: true }); // the refused request used none
    expect((await receipts()).map((r) => r.lines.find((l) => /^B\d{3}$/.test(l)))).toEqual(['B001', 'B003']);
  });

  it('cover open and an unplugged printer are refused with their reasons; plugging back recovers', async () => {
    await sim({ cover: 'open' });
    expect((await issue({ categoryId: 'C' })).json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'COVER_OPEN' });
    await sim({ cover: 'closed', plugged: false });
    const unplugged = await issue({ categoryId: 'C' });
    expect(unplugged.statusCode).toBe(503);
    expect(unplugged.json().error).toMatchObject({ reason: 'OFFLINE', message: '打印机未连接，请联系工作人员' });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'degraded', devices: { printer: { state: 'offline' } } });
    await sim({ plugged: true });
    const end = Date.now() + 5000;
    const printerState = async () => (await app.inject({ method: 'GET', url: '/api/health' })).json().devices.printer.state;
    while ((await printerState()) !== 'idle' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const ok = await issue({ categoryId: 'C' });
    expect(ok.json().ticket).toMatchObject({ number: 'C001', printed: true });
  });

  it('a print that fails after the number was issued keeps the ticket with printed false', async () => {
    await sim({ paperLinesLeft: 2 }); // the roll ends inside the hall name
    const res = await issue({ categoryId: 'D' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.ticket).toMatchObject({ number: 'D001', printed: false });
    expect(body.printError).toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    const kept = await app.inject({ method: 'GET', url: `/api/queue/tickets/${body.ticket.id}` });
    expect(kept.json().ticket).toMatchObject({ number: 'D001', state: 'issued', printed: false });
    const state = (await app.inject({ method: 'GET', url: '/api/sim/printer/state' })).json();
    expect(state).toMatchObject({ paper: 'out' });
    expect(state.lostBytes).toBeGreaterThan(0);
  });

  it('validates sim bodies and clears receipts', async () => {
    for (const body of [{ paper: 'gone' }, {}, { cover: 'open', colour: 'red' }, { online: 'yes' }]) {
      const res = await sim(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_REQUEST');
    }
    await issue({ categoryId: 'E' });
    expect(await receipts()).toHaveLength(1);
    expect((await app.inject({ method: 'DELETE', url: '/api/sim/printer/receipts' })).statusCode).toBe(204);
    expect(await receipts()).toEqual([]);
  });
});

describe('sim routes exist only for a simulated printer', () => {
  it('answers 404 when the printer is absent', async () => {
    // A second daemon on the same data folder, on its own database.
    const { app: other } = await startDaemon({ devices: {}, store: { driver: 'sqlite', path: `${dir}/b.db` } }, dir);
    expect((await other.inject({ method: 'GET', url: '/api/sim/printer/state' })).statusCode).toBe(404);
    const res = await other.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A' } });
    expect(res.json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'NOT_FITTED' });
    await other.close();
  });
});
