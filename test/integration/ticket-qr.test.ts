import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

/** Issue 11, item 9: a screen-only ticket shows the same QR code as the printed one (its phone page). */
let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  ({ app, dataDir: dir } = await startDaemon({
    hall: { name: '测试大厅', publicBaseUrl: 'https://hall.example.gov.cn' },
    devices: { printer: { driver: 'simulated' } },
  }));
});
afterAll(async () => {
  await app?.close();
  if (dir) removeDir(dir);
});

const issue = async (delivery: 'print' | 'screen') =>
  (await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery } })).json().ticket as { id: string; number: string };

describe('GET /api/queue/tickets/:id/qr.svg', () => {
  it('draws the very QR the paper ticket carries, cached, with nothing but the ticket id in it', async () => {
    const printed = await issue('print');
    const receipts = (await app.inject({ url: '/api/sim/printer/receipts' })).json().receipts as { qr: string[] }[];
    const onPaper = receipts.at(-1)!.qr[0]!;
    expect(onPaper).toBe(`https://hall.example.gov.cn/m/t/${printed.id}`);

    const res = await app.inject({ url: `/api/queue/tickets/${printed.id}/qr.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toContain('max-age=86400');
    // The same data encoded the same way: the phone reads the same page from screen or paper.
    expect(res.body).toBe(await QRCode.toString(onPaper, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));

    const screenOnly = await issue('screen');
    const svg = (await app.inject({ url: `/api/queue/tickets/${screenOnly.id}/qr.svg` })).body;
    expect(svg).toBe(await QRCode.toString(`https://hall.example.gov.cn/m/t/${screenOnly.id}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(svg).not.toBe(res.body);
  });

  it('refuses an unknown ticket in the documented shape', async () => {
    const res = await app.inject({ url: '/api/queue/tickets/no-such-ticket/qr.svg' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
  });
});
