import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

/**
 * What a printed ticket costs on the printer's line, counted by the simulator as it decodes the bytes the
 * production driver wrote over the loopback. One status reading is DLE EOT 1, 2 and 4: three requests. The
 * poll is set to ten minutes so that no periodic reading falls inside a count. The simulator pushes automatic
 * status back (GS a) unless `asb: false` makes it a model without it.
 */
let daemons: { app: FastifyInstance; dataDir: string }[] = [];
afterEach(async () => {
  for (const d of daemons) {
    await d.app.close();
    removeDir(d.dataDir);
  }
  daemons = [];
});

async function kiosk(statusFreshMs?: number, asb = true) {
  const printer = { driver: 'simulated', statusIntervalMs: 600_000, ...(statusFreshMs !== undefined ? { statusFreshMs } : {}) };
  const d = await startDaemon({ devices: { printer } });
  daemons.push(d);
  const { app } = d;
  if (!asb) {
    await app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { asb: false } });
    // A model without ASB from the start: the cable pulled and put back, the driver's GS a goes unanswered.
    await app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { plugged: false } });
    await app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { plugged: true } });
    await waitIdle(app);
  }
  const issue = (categoryId: string) => app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId } });
  return {
    issue,
    sim: (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: body }),
    statusRequests: async () => (await app.inject({ method: 'GET', url: '/api/sim/printer/state' })).json().statusRequests as number,
    /** Issues n printed tickets in a row and returns the DLE EOT requests they cost. */
    async printRow(n: number) {
      await issue('E'); // the ticket before, as in a busy hall
      const before = await this.statusRequests();
      for (let i = 0; i < n; i++) {
        const res = await issue('A');
        expect(res.statusCode).toBe(201);
        expect(res.json().ticket.printed).toBe(true);
      }
      return (await this.statusRequests()) - before;
    },
  };
}

async function waitIdle(app: FastifyInstance) {
  const end = Date.now() + 5000;
  for (;;) {
    const kiosk = (await app.inject({ method: 'GET', url: '/api/kiosk' })).json() as { devices: Record<string, { state: string }> };
    if (kiosk.devices.printer?.state === 'idle') return;
    if (Date.now() > end) throw new Error('printer not idle after reconnect');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('status exchanges per printed ticket', () => {
  it('with automatic status back a ticket costs one reading, the one after its print (3 requests, was 6)', async () => {
    const k = await kiosk();
    expect(await k.printRow(10)).toBe(10 * 3);
    const state = (await k.sim({ paper: 'ok' })).json();
    expect(state.asbSent).toBeGreaterThanOrEqual(1);
  });

  it('pushed paper out: the next ticket is refused with no number used and without asking', async () => {
    const k = await kiosk();
    await k.issue('E');
    const before = await k.statusRequests();
    await k.sim({ paper: 'out' });
    const refused = await k.issue('B');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'PAPER_OUT' });
    expect(await k.statusRequests()).toBe(before);
    await k.sim({ paper: 'ok' });
    expect((await k.issue('B')).json().ticket).toMatchObject({ number: 'B001', printed: true });
  });

  it('a printer without automatic status back is asked before the number and after the print (6 requests)', async () => {
    const k = await kiosk(undefined, false);
    expect(await k.printRow(10)).toBe(10 * 2 * 3);
  });

  it('without it, with statusFreshMs, N tickets in a row cost N readings: the one after each print (3N requests)', async () => {
    const k = await kiosk(60_000, false);
    expect(await k.printRow(10)).toBe(10 * 3);
  });

  it('paper out within the fresh window: that ticket keeps its number unprinted, the next is refused with none used', async () => {
    const k = await kiosk(60_000, false);
    await k.issue('E');
    await k.sim({ paper: 'out' });
    const unprinted = await k.issue('B');
    expect(unprinted.statusCode).toBe(201);
    expect(unprinted.json()).toMatchObject({ ticket: { number: 'B001', printed: false }, printError: { code: 'PRINTER_PAPER_OUT', reason: 'PAPER_OUT' } });
    const refused = await k.issue('B');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'PAPER_OUT' });
    await k.sim({ paper: 'ok' });
    expect((await k.issue('B')).json().ticket).toMatchObject({ number: 'B002', printed: true });
  });
});
