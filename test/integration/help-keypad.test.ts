import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { KioskEvent } from '../../device-daemon/src/events/bus';
import { testPinHash } from './maintenance-helpers';

/** 帮办 from the keypad: the simulated unit's «呼叫帮办» key (model data) raises the same help request as the screen. */
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(keypad: object): Promise<{ app: FastifyInstance; events: KioskEvent[] }> {
  const config = parseConfig({
    devices: { keypad: { driver: 'simulated', ...keypad } },
    store: { driver: 'sqlite', path: ':memory:' },
    maintenance: { pinHash: await testPinHash() },
    log: { level: 'silent' },
  }, '/tmp/kiosk-help-keypad');
  app = buildApp({ config }, { logger: false });
  await app.ready();
  const events: KioskEvent[] = [];
  app.events.subscribe((e) => { if (e.type.startsWith('help.')) events.push(e); });
  return { app, events };
}

const press = (a: FastifyInstance, key: number) => a.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key, holdMs: 5 } });
const until = async (ok: () => boolean) => { for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10)); };

describe('the keypad\'s «呼叫帮办» key', () => {
  it('raises a kiosk help request (screen «keypad»), once while it is open', async () => {
    const { app: a, events } = await start({ model: 'vendor-6key-help' });
    expect((await press(a, 6)).statusCode).toBe(200);
    await until(() => events.length > 0);
    expect(events).toHaveLength(1);
    const { request } = events[0] as Extract<KioskEvent, { type: 'help.requested' }>;
    expect(request).toMatchObject({ screen: 'keypad', state: 'open', elder: false });
    await new Promise((r) => setTimeout(r, 1100)); // past the repeat guard: a real second call, same open request
    await press(a, 6);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toHaveLength(1);
    expect((await a.inject(`/api/help-requests/${request.id}`)).json().request.state).toBe('open');
  });

  it('names the window when the keypad sits at one, and a level key raises nothing', async () => {
    const { app: a, events } = await start({ model: 'vendor-6key-help', counter: 3 });
    await press(a, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual([]);
    await press(a, 6);
    await until(() => events.length > 0);
    expect((events[0] as Extract<KioskEvent, { type: 'help.requested' }>).request.screen).toBe('keypad.counter-3');
  });
});
