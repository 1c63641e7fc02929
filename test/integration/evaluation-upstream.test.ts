import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../device-daemon/src/config/load';
import { removeDir } from './maintenance-helpers';
import { rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { servedTicket } from './rating-helpers';
import { startUpstream, type Upstream } from '../support/upstream';

let d: EvalDaemon | undefined;
let upstream: Upstream | undefined;

afterEach(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  await upstream?.close();
  d = undefined;
  upstream = undefined;
});

const SECRET = 'province-shared-secret-0123456789';
const TOKEN = 'bearer-token-of-the-hall-42';

/** What the province would compute: HMAC-SHA256 over `<timestamp>\n<nonce>\n<raw body>`, written independently. */
function expectedSignature(timestamp: string, nonce: string, raw: string): string {
  return `sha256=${createHmac('sha256', SECRET).update(`${timestamp}\n${nonce}\n${raw}`).digest('hex')}`;
}

describe('the upstream adapter', () => {
  it('delivers the national fields, renamed and omitted as mapped, signed with HMAC and a bearer token', async () => {
    upstream = await startUpstream();
    d = await startEvalDaemon(undefined, {
      hall: { name: '测试大厅', regionCode: '445102', kioskId: 'kiosk-7' },
      evaluation: {
        upstream: {
          url: upstream.url, timeoutMs: 300, initialRetryMs: 20, maxRetryMs: 200,
          mapping: { caseNumber: 'bjbh', matterCode: 'sxbm', regionCode: 'xzqhdm', comment: null },
          signing: { hmac: { secret: SECRET, header: 'X-Hall-Signature', keyId: 'k2026' }, bearerToken: TOKEN },
        },
      },
    });
    const t = await servedTicket(d.app);
    const { evaluation } = (await rate(d.app, { ticketId: t.id, level: 1, reasons: ['多次跑动'], comment: '跑了三次', channel: 'kiosk' })).json();
    await until(() => upstream!.deliveries.get(evaluation.id)?.accepted === 1, 5000, 'delivery');
    const got = upstream.deliveries.get(evaluation.id)!;
    const body = got.body as Record<string, unknown>;
    expect(body).toMatchObject({
      messageType: 'rating', id: evaluation.id, ticketNumber: t.number, xzqhdm: '445102', kioskId: 'kiosk-7', hallName: '测试大厅',
      window: 1, channel: 'kiosk', channelName: '自助终端', level: 1, levelName: '非常不满意', reasons: ['多次跑动'],
      bjbh: null, sxbm: null, matterName: null, department: null, staffId: null,
    });
    for (const renamedOrOmitted of ['caseNumber', 'matterCode', 'regionCode', 'comment']) expect(body).not.toHaveProperty(renamedOrOmitted);
    expect(body).not.toHaveProperty('rater'); // no consent, no rater data
    const h = got.headers!;
    expect(h.authorization).toBe(`Bearer ${TOKEN}`);
    expect(h['x-key-id']).toBe('k2026');
    expect(Math.abs(Number(h['x-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(h['x-nonce']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h['x-hall-signature']).toBe(expectedSignature(String(h['x-timestamp']), String(h['x-nonce']), got.raw!));
    // A body changed by one byte would not verify.
    expect(h['x-hall-signature']).not.toBe(expectedSignature(String(h['x-timestamp']), String(h['x-nonce']), `${got.raw} `));
  });

  it('signs the attempt that lands after failures, with the body and the key unchanged; no secret reaches last_error', async () => {
    upstream = await startUpstream({ faults: { error: 1 } });
    d = await startEvalDaemon(undefined, {
      evaluation: { upstream: { url: upstream.url, timeoutMs: 300, initialRetryMs: 20, maxRetryMs: 50, signing: { hmac: { secret: SECRET } } } },
    });
    const t = await servedTicket(d.app);
    const { evaluation } = (await rate(d.app, { ticketId: t.id, level: 5, channel: 'qr' })).json();
    await until(() => (upstream!.deliveries.get(evaluation.id)?.attempts ?? 0) >= 2, 5000, 'retried');
    upstream.setFaults({});
    await until(() => upstream!.deliveries.get(evaluation.id)?.accepted === 1, 5000, 'delivered');
    const got = upstream.deliveries.get(evaluation.id)!;
    expect(got.sameBody).toBe(true);
    expect(got.headers!['x-signature']).toBe(expectedSignature(String(got.headers!['x-timestamp']), String(got.headers!['x-nonce']), got.raw!));
    const errors = await d.app.store.query<{ last_error: string | null }>('SELECT last_error FROM upstream_outbox');
    expect(JSON.stringify(errors)).not.toContain(SECRET);
  });

  it('refuses an upstream URL with user:password@ without echoing the password', () => {
    const load = () => parseConfig({ evaluation: { upstream: { url: 'https://hall:hunter2-secret@province.example/ratings' } } }, '/tmp/d');
    expect(load).toThrow(/evaluation\.upstream\.url/);
    expect(load).toThrow(/without user:password@/);
    expect(load).not.toThrow(/hunter2/);
    expect(() => parseConfig({ evaluation: { upstream: { url: 'https://p.example/r', mapping: { level: 'bad name!' } } } }, '/tmp/d')).toThrow(/mapping\.level/);
    expect(() => parseConfig({ hall: { regionCode: '4451' } }, '/tmp/d')).toThrow(/hall\.regionCode/);
  });
});
