import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { KioskEvent } from '../../device-daemon/src/events/bus';
import { withCheck } from '../../device-daemon/src/devices/idcard/codec/id-number';
import { hallConfig } from '../support/hall';
import { tokenHash } from '../../device-daemon/src/core/guards';

/** The provincial booking system's token in the test hall. */
export const INTEGRATION_TOKEN = 'province-booking-token';

/** Shared by the appointments-*.test.ts files. */

/** Business time that runs with the wall clock from a set moment (senders' retries come due) and can be moved. */
export class HallClock {
  private offset: number;
  constructor(at: string) {
    this.offset = Date.parse(at) - Date.now();
  }
  now = () => new Date(Date.now() + this.offset);
  set(at: string): void {
    this.offset = Date.parse(at) - Date.now();
  }
}

/** Tuesday 2026-12-01, 08:45 in Asia/Shanghai: the 09:00 slot's check-in window (08:30–09:15) is open. */
export const TUESDAY_0845 = '2026-12-01T00:45:00Z';
export const SLOT_0900 = 'A-20261201-0900';

/** A valid resident ID number per index, check character included. */
export const idNumberOf = (i: number) =>
  withCheck(`440103${1950 + (Math.floor(i / 1000) % 50)}03${String(10 + (i % 18)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`);

export interface AppointmentHall {
  app: FastifyInstance;
  clock: HallClock;
  events: KioskEvent[];
  dataDir: string;
  close(): Promise<void>;
}

/** The test hall of support/hall.ts with appointments in A and B, simulated ID and QR readers and a fixed clock. */
export async function startAppointmentHall(opts: { pgUrl?: string; at?: string; appointments?: Record<string, unknown>; dataDir?: string; identitySecret?: string; devices?: Record<string, unknown> } = {}): Promise<AppointmentHall> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kiosk-appt-'));
  const store = opts.pgUrl ? { driver: 'postgres', url: opts.pgUrl } : { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') };
  const slots = [{ from: '09:00', to: '09:30', capacity: 6 }, { from: '09:30', to: '10:00', capacity: 6 }, { from: '14:00', to: '14:30', capacity: 6 }];
  const week = { mon: slots, tue: slots, wed: slots, thu: slots, fri: slots };
  const raw = hallConfig(store, {
    devices: { idReader: { driver: 'simulated', pollIntervalMs: 50 }, qrReader: { driver: 'simulated' }, ...opts.devices },
    hall: { name: '测试大厅', publicBaseUrl: 'https://hall.example' },
    appointments: { categories: [{ categoryId: 'A', week }, { categoryId: 'B', week }], integrationTokens: [tokenHash(INTEGRATION_TOKEN)], ...opts.appointments },
    // A hall's daemons share the person-hash secret (identity.secret), else each hashes one person differently.
    ...(opts.identitySecret ? { identity: { secret: opts.identitySecret } } : {}),
  });
  const clock = new HallClock(opts.at ?? TUESDAY_0845);
  const app = buildApp({ config: parseConfig(raw, dataDir), clock }, { logger: false });
  const events: KioskEvent[] = [];
  app.addHook('onReady', async () => {
    app.events.subscribe((e) => events.push(e));
  });
  await app.ready();
  return {
    app, clock, events, dataDir,
    async close() {
      await app.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function book(app: FastifyInstance, i: number, slotId = SLOT_0900, name = '张小明') {
  const res = await app.inject({ method: 'POST', url: '/api/appointments', payload: { slotId, idNumber: idNumberOf(i), name, phone: `1380013${String(i).padStart(4, '0')}` } });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

export async function checkIn(app: FastifyInstance, payload: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/api/appointments/check-in', payload: { delivery: 'screen', ...payload } });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}
