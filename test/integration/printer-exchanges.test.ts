import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

/**
 * What a printed ticket costs on the printer's line, counted by the simulator as it decodes the bytes the
 * production driver wrote over the loopback. One status reading is DLE EOT 1, 2 and 4: three requests. The
 * poll is set to ten minutes so that no periodic reading falls inside a count.
 */
let daemons: { app: FastifyInstance; dataDir: string }[] = [];
afterEach(async () => {
  for (const d of daemons) {
    await d.app.close();
    removeDir(d.dataDir);
  }
  daemons = [];
});

async function kiosk(statusFreshMs?: number) {
  const printer = { driver: 'simulated', statusIntervalMs: 600_000, ...(statusFreshMs !== undefined ? { statusFreshMs } : {}) };
  const d = await startDaemon({ devices: { printer } });
  daemons.push(d);
  const { app } = d;
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

describe('status exchanges per printed ticket', () => {
  it('by default a ticket costs two readings: asked before its number is taken, and after its print (6 requests, was 9)', async () => {
    const k = await kiosk();
    expect(await k.printRow(10)).toBe(10 * 2 * 3);
  });

  it('with statusFreshMs, N tickets in a row cost N readings: the one after each print (3N requests)', async () => {
    const k = await kiosk(60_000);
    expect(await k.printRow(10)).toBe(10 * 3);
  });

  it('paper out within the fresh window: that ticket keeps its number unprinted, the next is refused with none used', async () => {
    const k = await kiosk(60_000);
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
