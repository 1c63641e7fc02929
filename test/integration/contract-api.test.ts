/**
 * docs/INTERFACE.md, "HTTP API": every route with the shapes, statuses and codes the contract fixes, on the daemon
 * with all four devices simulated, over real HTTP and the real WebSocket on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hallConfig, staff, until } from '../support/hall';
import { removeDir, startDaemon } from './maintenance-helpers';

const SIMULATED = {
  idReader: { driver: 'simulated', pollIntervalMs: 50 },
  printer: { driver: 'simulated', statusIntervalMs: 200 },
  keypad: { driver: 'simulated' },
  scanner: { driver: 'simulated' },
};
const DEVICE_STATES = ['idle', 'busy', 'error', 'offline', 'closed'];
const TICKET_STATES = ['issued', 'called', 'serving', 'done', 'no-show', 'cancelled'];

let app: FastifyInstance;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'contract-api-'));
  const raw = hallConfig({ driver: 'sqlite', path: path.join(dir, 'kiosk.db') }, { devices: SIMULATED });
  app = buildApp({ config: parseConfig(raw, dir) }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function http(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

/** The contract's error shape: 4xx/5xx and `{ error: { code: UPPER_SNAKE, message } }`. */
function expectError(r: { status: number; body: any }, status: number, code: string | RegExp = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/) {
  expect(r.status).toBe(status);
  expect(Object.keys(r.body)).toEqual(['error']);
  expect(r.body.error.code).toMatch(code instanceof RegExp ? code : new RegExp(`^${code}$`));
  expect(typeof r.body.error.message).toBe('string');
  expect(r.body.error.message.length).toBeGreaterThan(0);
}

const issue = (categoryId: string, extra: Record<string, unknown> = {}) => http('POST', '/api/queue/tickets', { categoryId, ...extra });
const counter = (n: number, action: string, body?: unknown) => http('POST', `/api/counters/${n}/${action}`, body, staff(n));
const setPrinter = async (state: Record<string, unknown>) => expect((await http('POST', '/api/sim/printer/state', state)).status).toBe(200);

describe('GET /api/health', () => {
  it('answers 200 with status ok and each fitted device in one of the five states', async () => {
    const r = await http('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(Object.keys(r.body.devices).sort()).toEqual(['idReader', 'keypad', 'printer', 'scanner']);
    for (const d of Object.values(r.body.devices) as { state: string }[]) expect(DEVICE_STATES).toContain(d.state);
  });

  it('is degraded while a device is offline, and ok again once it is back', async () => {
    await setPrinter({ plugged: false });
    await until(async () => (await http('GET', '/api/health')).body.status === 'degraded', 5000, 'degraded');
    const r = await http('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(['error', 'offline']).toContain(r.body.devices.printer.state);
    await setPrinter({ plugged: true });
    await until(async () => (await http('GET', '/api/health')).body.status === 'ok', 10_000, 'ok again');
  });
});

describe('queue routes', () => {
  it('GET /api/queue/categories lists id, name and waiting, and waiting counts issued tickets', async () => {
    const before = await http('GET', '/api/queue/categories');
    expect(before.status).toBe(200);
    const a = before.body.categories.find((c: { id: string }) => c.id === 'A');
    expect(a).toMatchObject({ id: 'A', name: '社会民生', waiting: expect.any(Number) });
    expect((await issue('A', { delivery: 'screen' })).status).toBe(201);
    const after = await http('GET', '/api/queue/categories');
    expect(after.body.categories.find((c: { id: string }) => c.id === 'A').waiting).toBe(a.waiting + 1);
  });

  it('POST /api/queue/tickets prints and answers 201 with id, number, categoryId, waitingAhead, issuedAt, printed', async () => {
    const r = await issue('B');
    expect(r.status).toBe(201);
    const t = r.body.ticket;
    expect(t).toMatchObject({ id: expect.any(String), number: 'B001', categoryId: 'B', waitingAhead: 0, printed: true });
    expect(Number.isNaN(Date.parse(t.issuedAt))).toBe(false);
    const { receipts } = (await http('GET', '/api/sim/printer/receipts')).body;
    const last = receipts[receipts.length - 1];
    expect(last.lines.join('\n')).toContain('B001');
    expect(last.qr[0]).toContain(t.id);
  });

  it.each([
    ['paper out', { paper: 'out' }, { paper: 'ok' }],
    ['cover open', { cover: 'open' }, { cover: 'closed' }],
    ['unplugged', { plugged: false }, { plugged: true }],
  ])('a printer that cannot print (%s) -> 503 PRINTER_NOT_READY and no number is used', async (_what, broken, fixed) => {
    const first = await issue('B', { delivery: 'screen' });
    const n = Number(first.body.ticket.number.slice(1));
    const printedBefore = (await http('GET', '/api/sim/printer/receipts')).body.receipts.length;
    await setPrinter(broken);
    expectError(await issue('B'), 503, 'PRINTER_NOT_READY');
    expect((await http('GET', '/api/sim/printer/receipts')).body.receipts.length).toBe(printedBefore);
    // ...unless the body says "delivery": "screen": then the number is issued, not printed.
    const screen = await issue('B', { delivery: 'screen' });
    expect(screen.status).toBe(201);
    expect(screen.body.ticket).toMatchObject({ number: `B${String(n + 1).padStart(3, '0')}`, printed: false });
    await setPrinter(fixed);
    await until(async () => (await issue('B')).status === 201, 10_000, 'printer back');
    // The refused prints took no number: the printed ticket follows the screen ticket directly.
    const { receipts } = (await http('GET', '/api/sim/printer/receipts')).body;
    expect(receipts[receipts.length - 1].lines.join('\n')).toContain(`B${String(n + 2).padStart(3, '0')}`);
  });

  it('GET /api/queue/tickets/:id reports issued, called, serving, done and no-show', async () => {
    const state = async (id: string) => (await http('GET', `/api/queue/tickets/${id}`)).body.ticket.state;
    const t1 = (await issue('F', { delivery: 'screen' })).body.ticket;
    const t2 = (await issue('F', { delivery: 'screen' })).body.ticket;
    expect(await state(t1.id)).toBe('issued');
    expect((await counter(1, 'call', { number: t1.number })).status).toBe(200);
    expect(await state(t1.id)).toBe('called');
    expect((await counter(1, 'start')).status).toBe(200);
    expect(await state(t1.id)).toBe('serving');
    expect((await counter(1, 'done')).status).toBe(200);
    expect(await state(t1.id)).toBe('done');
    expect((await counter(1, 'call', { number: t2.number })).status).toBe(200);
    expect((await counter(1, 'no-show')).status).toBe(200);
    expect(await state(t2.id)).toBe('no-show');
  });

  it('a ticket a counter holds back (挂起) still reports one of the contract\'s six states', async () => {
    const t = (await issue('F', { delivery: 'screen' })).body.ticket;
    expect((await counter(2, 'call', { number: t.number })).status).toBe(200);
    expect((await counter(2, 'start')).status).toBe(200);
    expect((await counter(2, 'hold')).status).toBe(200);
    const r = await http('GET', `/api/queue/tickets/${t.id}`);
    expect(r.status).toBe(200);
    expect(TICKET_STATES).toContain(r.body.ticket.state);
    expect((await counter(2, 'resume', { number: t.number })).status).toBe(200);
    expect((await http('GET', `/api/queue/tickets/${t.id}`)).body.ticket.state).toBe('serving');
  });

  it('malformed input gets 400 with a message naming the field; an unknown ticket a typed 404', async () => {
    const bad = await issue('AB' as string);
    expectError(bad, 400);
    expect(bad.body.error.message).toContain('categoryId');
    expectError(await http('GET', '/api/queue/tickets/no-such-ticket'), 404);
  });
});

describe('POST /api/evaluations', () => {
  /** A ticket served to the end at counter 1, ready to be rated. */
  async function served(): Promise<string> {
    const t = (await issue('A', { delivery: 'screen' })).body.ticket;
    expect((await counter(1, 'call', { number: t.number })).status).toBe(200);
    expect((await counter(1, 'start')).status).toBe(200);
    expect((await counter(1, 'done')).status).toBe(200);
    return t.id;
  }
  const rate = (body: Record<string, unknown>) => http('POST', '/api/evaluations', body);

  it.each(['keypad', 'kiosk', 'qr'])('accepts channel %s: 201 { evaluation: { id } }', async (channel) => {
    const r = await rate({ ticketId: await served(), level: 5, channel });
    expect(r.status).toBe(201);
    expect(r.body.evaluation).toMatchObject({ id: expect.any(String) });
  });

  it('takes optional reasons and a comment', async () => {
    const r = await rate({ ticketId: await served(), level: 2, reasons: ['多次跑动'], comment: '希望一次办好', channel: 'kiosk' });
    expect(r.status).toBe(201);
  });

  it.each([1, 2])('level %i without a reason -> 400 REASON_REQUIRED, and the ticket can still be rated', async (level) => {
    const ticketId = await served();
    expectError(await rate({ ticketId, level, channel: 'kiosk' }), 400, 'REASON_REQUIRED');
    expectError(await rate({ ticketId, level, reasons: [], channel: 'kiosk' }), 400, 'REASON_REQUIRED');
    expect((await rate({ ticketId, level, reasons: ['服务态度不好'], channel: 'kiosk' })).status).toBe(201);
  });

  it('a second rating of one ticket -> 409 ALREADY_RATED', async () => {
    const ticketId = await served();
    expect((await rate({ ticketId, level: 4, channel: 'qr' })).status).toBe(201);
    expectError(await rate({ ticketId, level: 3, channel: 'kiosk' }), 409, 'ALREADY_RATED');
  });

  it.each([
    [{ level: 0, channel: 'kiosk' }, 'level'],
    [{ level: 6, channel: 'kiosk' }, 'level'],
    [{ level: 3, channel: 'phone' }, 'channel'],
    [{ level: 3 }, 'channel'],
  ])('malformed %j -> 400 naming %s', async (body, field) => {
    const r = await rate({ ticketId: await served(), ...body });
    expectError(r, 400);
    expect(r.body.error.message).toContain(field);
  });
});

describe('GET /api/events', () => {
  const messages: any[] = [];
  const raw: string[] = [];
  let ws: WebSocket;
  beforeAll(async () => {
    ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`);
    ws.on('message', (d) => {
      raw.push(String(d));
      messages.push(JSON.parse(String(d)));
    });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  });
  afterAll(() => ws?.close());

  async function read(card: Record<string, unknown>): Promise<any> {
    const from = messages.length;
    const put = await http('POST', '/api/sim/idReader/card', card);
    expect(put.status).toBe(200);
    await until(() => messages.slice(from).some((m) => m.type === 'card.read'), 5000, 'card.read');
    const event = messages.slice(from).find((m) => m.type === 'card.read');
    expect((await http('DELETE', '/api/sim/idReader/card')).status).toBe(200);
    await until(() => messages.slice(from).some((m) => m.type === 'card.removed'), 5000, 'card.removed');
    return event;
  }

  it('a card read is { type: "card.read", card: {...} } with the masked fields, per card type', async () => {
    const zhangSan = {
      cardType: 'resident', name: '张三', gender: 'male', nation: '汉', nationCode: '01', birthDate: '1985-03-12',
      address: '广东省广州市天河区体育西路1号', idNumber: '440104198503121234', issuer: '广州市公安局天河分局',
      validFrom: '2015-06-01', validTo: '2035-06-01',
    };
    const e = await read({ card: zhangSan });
    expect(e.card).toMatchObject({
      cardType: 'resident', nameMasked: '张*', idNumberMasked: '4401**********1234', gender: 'male',
      age: expect.any(Number),
    });
    expect(JSON.stringify(e)).not.toMatch(/birthDate|1985-03-12|19850312/);
    expect((await read({ profile: 'resident' })).card.nameMasked).toBe('张*明');
    expect((await read({ profile: 'resident-elder' })).card.nameMasked).toBe('欧**娜');
    for (const cardType of ['hk-macao-taiwan', 'foreign-2017', 'foreign-2023']) {
      const c = (await read({ profile: cardType })).card;
      expect(c.cardType).toBe(cardType);
      expect(c).not.toHaveProperty('birthDate');
      expect(Number.isInteger(c.age)).toBe(true);
    }
  });

  it('every message is one JSON object with a type, and none ever carries a full ID number or name', async () => {
    const { CARD_PROFILES } = await import('../../device-daemon/src/devices/idcard/sim/profiles');
    for (const m of messages) expect(typeof m.type).toBe('string');
    const all = raw.join('\n');
    for (const secret of ['440104198503121234', '张三', ...Object.values(CARD_PROFILES).flatMap((c) => [c.idNumber, c.name])]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('/api/sim routes while simulated', () => {
  it('the printer: paper and cover state set and read back, receipts decoded with QR payloads', async () => {
    const r = await http('POST', '/api/sim/printer/state', { paper: 'near-end', cover: 'closed' });
    expect(r.body).toMatchObject({ paper: 'near-end', cover: 'closed' });
    expect((await http('GET', '/api/sim/printer/state')).body).toMatchObject({ paper: 'near-end', cover: 'closed' });
    await setPrinter({ paper: 'ok' });
    const t = (await issue('B')).body.ticket;
    const { receipts } = (await http('GET', '/api/sim/printer/receipts')).body;
    const last = receipts[receipts.length - 1];
    expect(last.lines.some((l: string) => l.includes(t.number))).toBe(true);
    expect(last.lines.some((l: string) => l.includes('注册登记'))).toBe(true);
    expect(last.qr).toHaveLength(1);
  });

  it('the keypad: a key press is sent as a report', async () => {
    const before = (await http('GET', '/api/sim/keypad/state')).body.pressCount;
    const r = await http('POST', '/api/sim/keypad/press', { key: 5 });
    expect(r.status).toBe(200);
    expect(r.body.pressCount).toBe(before + 1);
  });
});

describe('/api/sim routes exist only while the device is simulated', () => {
  const probes = [
    ['POST', '/api/sim/idReader/card', { profile: 'resident' }],
    ['DELETE', '/api/sim/idReader/card', undefined],
    ['GET', '/api/sim/printer/receipts', undefined],
    ['POST', '/api/sim/printer/state', { paper: 'out' }],
    ['POST', '/api/sim/keypad/press', { key: 1 }],
    ['GET', '/api/sim/scanner/', undefined],
  ] as const;

  it.each([
    ['not fitted', {}],
    ['fitted with real drivers', {
      idReader: { driver: 'sam-serial', path: '/dev/ttyCONTRACT-none' },
      printer: { driver: 'escpos-device', path: '/dev/usb/lp-contract-none' },
      keypad: { driver: 'hid', vendorId: 0xfffe, productId: 0xfffd },
      scanner: { driver: 'sane', device: 'contract:none' },
    }],
  ])('devices %s -> 404', async (_what, devices) => {
    const { app: other, dataDir: d } = await startDaemon({ devices });
    try {
      for (const [method, url, payload] of probes) {
        const r = await other.inject({ method, url, ...(payload ? { payload } : {}) });
        expect(r.statusCode, `${method} ${url}`).toBe(404);
      }
    } finally {
      await other.close();
      removeDir(d);
    }
  });
});
