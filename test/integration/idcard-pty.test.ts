import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { attachToTransport, type AttachedDevice } from '../../device-daemon/src/devices/core/attach-transport';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { act, startIdApp, type IdApp } from './idcard-helpers';
import { EXPECTED_CARDS, fixedClock } from './idcard-cards';

/**
 * The production driver on a real pseudo-terminal (socat), with the simulator on the far end: the same
 * bytes a USB-serial SAM reader sends, through the kernel's tty layer. The reader's path is a symlink the
 * test re-points when it "plugs the reader back in" on a fresh pty pair.
 */
const sim = new IdCardSimulator();
let dir: string;
let link: string;
let pair: PtyPair;
let far: AttachedDevice;
let k: IdApp;

async function plugIn(): Promise<void> {
  pair = await openPtyPair();
  try {
    unlinkSync(link);
  } catch {
    /* first time */
  }
  symlinkSync(pair.hostPath, link);
  far = await attachToTransport(sim, new SerialTransport(pair.devicePath, 115200));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'idcard-pty-'));
  link = path.join(dir, 'ttyID');
  await plugIn();
  k = await startIdApp({ clock: fixedClock(), idReader: { driver: 'sam-serial', path: link, baudRate: 115200, pollIntervalMs: 50 } });
  await waitState('idle');
});
afterAll(async () => {
  await k?.close();
  await far?.detach().catch(() => undefined);
  await pair?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function waitState(state: string, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const { body } = await k.http('GET', '/api/health');
    if (body.devices.idReader.state === state) return body.devices.idReader;
    if (Date.now() > end) throw new Error(`reader state ${body.devices.idReader.state}, wanted ${state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const place = (profile: string) => act(k.waitFor('card.read'), async () => sim.putCard(CARD_PROFILES[profile]!));
const takeOff = () => act(k.waitFor('card.removed'), async () => sim.removeCard());

describe('ID reader over a pty pair', () => {
  it('has no sim routes for a real reader', async () => {
    expect((await k.http('GET', '/api/sim/idReader/cards')).status).toBe(404);
  });

  it.each(['resident', 'resident-rare', 'hk-macao-taiwan', 'foreign-2017', 'foreign-2023'])('reads a %s card', async (profile) => {
    const read = await place(profile);
    expect(read.card).toMatchObject(EXPECTED_CARDS[profile]!.card);
    await takeOff();
  });

  it.each([
    ['read-failure', 'CARD_READ_FAILED'],
    ['sam-fault', 'SAM_FAULT'],
    ['bad-checksum', 'REPLY_CHECKSUM'],
    ['mute', 'REPLY_TIMEOUT'],
  ] as const)('%s gives %s and the reader recovers by itself', async (fault, code) => {
    const error = await act(k.waitFor('reader.error', (m) => m.code === code), async () => {
      sim.fault = fault;
      sim.putCard(CARD_PROFILES.resident!);
    });
    expect(error.message).toMatch(/请/);
    const read = await act(k.waitFor('card.read'), async () => {
      sim.fault = 'none';
    });
    expect(read.card).toMatchObject(EXPECTED_CARDS.resident!.card);
    await takeOff();
    await waitState('idle');
  });

  it.each(['chunked', 'noise'] as const)('reads through %s replies', async (fault) => {
    sim.fault = fault;
    const read = await place('resident-elder');
    expect(read.card).toMatchObject(EXPECTED_CARDS['resident-elder']!.card);
    await takeOff();
    sim.fault = 'none';
  });

  it('the port vanishing: offline, a plain message, then back on a new pty', async () => {
    const error = await act(k.waitFor('reader.error', (m) => m.code === 'READER_DISCONNECTED', 10_000), async () => {
      await far.detach();
      await pair.close();
    });
    expect(error.message).toBe('读卡器未连接，请联系工作人员');
    const offline = await waitState('offline');
    expect(offline.statistics.CommunicationErrorCount).toBeGreaterThan(0);
    await plugIn();
    await waitState('idle', 40_000);
    const read = await place('foreign-2023');
    expect(read.card).toMatchObject(EXPECTED_CARDS['foreign-2023']!.card);
    await takeOff();
  });

  it('keeps the statistics of all this', async () => {
    const { statistics } = await waitState('idle');
    expect(statistics.GoodReadCount).toBeGreaterThanOrEqual(12);
    expect(statistics.FailedReadCount).toBeGreaterThan(0);
    expect(statistics.CommunicationErrorCount).toBeGreaterThan(0);
  });
});
