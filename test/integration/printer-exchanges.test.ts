import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

/**
 * What a printed ticket costs on the printer's line: one status reading (DLE EOT 1, 2 and 4: three requests,
 * counted by the simulator as it decodes the bytes the production driver wrote over the loopback). The poll
 * is set to ten minutes so that no periodic reading falls inside the count.
 */
let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  ({ app, dataDir: dir } = await startDaemon({
    devices: { printer: { driver: 'simulated', statusIntervalMs: 600_000, statusFreshMs: 60_000 } },
  }));
});
afterAll(async () => {
  await app?.close();
  if (dir) removeDir(dir);
});

const sim = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: body });
const issue = (categoryId: string) => app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId } });
const statusRequests = async () => (await app.inject({ method: 'GET', url: '/api/sim/printer/state' })).json().statusRequests as number;

beforeEach(async () => {
  await sim({ paper: 'ok', cover: 'closed', online: true, plugged: true, fault: 'none', paperLinesLeft: null });
  await issue('E'); // leaves a fresh ready reading, as a ticket before in a busy hall does
});

describe('status exchanges per printed ticket', () => {
  it('N printed tickets in a row cost N readings: 3N DLE EOT requests, not 9N', async () => {
    const n = 10;
    const before = await statusRequests();
    for (let i = 0; i < n; i++) {
      const res = await issue('A');
      expect(res.statusCode).toBe(201);
      expect(res.json().ticket.printed).toBe(true);
    }
    expect((await statusRequests()) - before).toBe(3 * n);
  });

  it('paper out within the fresh window: that ticket keeps its number unprinted, the next is refused with none used', async () => {
    await sim({ paper: 'out' });
    const unprinted = await issue('B');
    expect(unprinted.statusCode).toBe(201);
    expect(unprinted.json()).toMatchObject({ ticket: { number: 'B001', printed: false }, printError: { code: 'PRINTER_PAPER_OUT', reason: 'PAPER_OUT' } });
    const refused = await issue('B');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'PRINTER_NOT_READY', reason: 'PAPER_OUT' });
    await sim({ paper: 'ok' });
    expect((await issue('B')).json().ticket).toMatchObject({ number: 'B002', printed: true });
  });
});
