import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Voice } from '../../device-daemon/src/hall/voice';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { LogRing } from '../../device-daemon/src/maintenance/log-ring';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { attachToTransport } from '../../device-daemon/src/devices/core/attach-transport';
import { PrinterSimulator } from '../../device-daemon/src/devices/printer/sim/simulator';
import { attachToSerialPort } from '../../device-daemon/src/devices/printer/sim/attach';
import { openPtyPair, type PtyPair } from '../support/pty';

/** Shared by the maintenance-*.test.ts files: a daemon with a known PIN, a movable clock and a log ring. */
export const TEST_PIN = '424242';
let pinHash: string | undefined;
export async function testPinHash(): Promise<string> {
  return (pinHash ??= await hashPin(TEST_PIN));
}

/** A clock tests move by hand; `live` also lets it run with real time (for a browser driving the UI). */
export class MovableClock {
  t = Date.parse('2025-06-02T01:00:00Z');
  private readonly started = Date.now();
  constructor(private readonly live = false) {
    if (live) this.t = Date.now();
  }
  now = () => new Date(this.live ? this.t + (Date.now() - this.started) : this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Daemon {
  app: FastifyInstance;
  clock: MovableClock;
  ring: LogRing;
  dataDir: string;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kiosk-maint-'));
}

/** Builds (does not listen) a daemon over `raw` config with the test PIN; logs go only to the ring. */
export async function startDaemon(
  raw: Record<string, unknown>,
  dataDir = tempDataDir(),
  clock = new MovableClock(),
  extra: { uiDir?: string; voice?: Voice } = {},
): Promise<Daemon> {
  const ring = new LogRing(500);
  const config = parseConfig(
    { store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') }, ...raw, maintenance: { pinHash: await testPinHash(), ...(raw.maintenance as object) } },
    dataDir,
  );
  const app = buildApp({ config, clock, logRing: ring, uiDir: extra.uiDir, voice: extra.voice }, { logger: { level: 'info', stream: ring } });
  await app.ready();
  return { app, clock, ring, dataDir };
}

export async function login(app: FastifyInstance, pin = TEST_PIN): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The reader and the printer as real serial devices: two pty pairs with the production simulators on the
 * device ends. The host ends (`readerPty.hostPath`, `printerPty.hostPath`) go into a configuration.
 */
export interface SerialSimulators {
  readerPty: PtyPair;
  printerPty: PtyPair;
  reader: IdCardSimulator;
  printer: PrinterSimulator;
  close(): Promise<void>;
}

export async function serialSimulators(baudRate = 115200): Promise<SerialSimulators> {
  const readerPty = await openPtyPair();
  const printerPty = await openPtyPair();
  const reader = new IdCardSimulator();
  const readerEnd = await attachToTransport(reader, new SerialTransport(readerPty.devicePath, baudRate));
  const printer = new PrinterSimulator();
  const printerEnd = await attachToSerialPort(printer, printerPty.devicePath, baudRate);
  return {
    readerPty,
    printerPty,
    reader,
    printer,
    async close() {
      await readerEnd.detach();
      await printerEnd.close();
      await readerPty.close();
      await printerPty.close();
    },
  };
}
