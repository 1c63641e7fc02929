import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackTransport } from '../core/loopback-transport';
import { IdReaderDriver } from './driver';
import { IdCardSimulator } from './sim/simulator';
import { uniformTimeouts } from './timing';
import { CARD_PROFILES } from './sim/profiles';
import type { CardRead } from './card-cycle';
import type { IdCardError } from './codec/status';

const drivers: IdReaderDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

function fit(pollIntervalMs = 20) {
  const sim = new IdCardSimulator();
  const transport = new LoopbackTransport(sim, 'test reader');
  const driver = new IdReaderDriver({ transport, simulated: true, driver: 'simulated', pollIntervalMs, timeouts: uniformTimeouts(100), baudRate: 115200 });
  drivers.push(driver);
  // DeviceDriver emits 'error' records; an EventEmitter 'error' without a listener would throw.
  return { sim, transport, driver };
}

function next<K extends 'card' | 'removed' | 'readError'>(driver: IdReaderDriver, event: K, ms = 2000) {
  return new Promise<K extends 'card' ? CardRead : K extends 'readError' ? IdCardError : void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    driver.cards.once(event, ((v: never) => (clearTimeout(t), resolve(v))) as never);
  });
}

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('IdReaderDriver over the simulator', () => {
  it('checks the SAM at open, reads the SAM id, and reads every card type once per placement', async () => {
    const { sim, driver } = fit();
    await driver.open();
    expect(driver.state).toBe('idle');
    expect(sim.received.slice(0, 2)).toEqual([[0x11, 0xff], [0x12, 0xff]]);
    expect(driver.status().detail.samId).toBe('05.01-20101129-0001228293-0296863149');
    for (const [profile, text] of Object.entries(CARD_PROFILES)) {
      const read = next(driver, 'card');
      sim.putCard(text);
      const got = await read;
      expect(got.card, profile).toEqual(text);
      expect(got.photo).toHaveLength(1024);
      // The card stays: no second read, no removal, for a few polls.
      const reads = driver.status().statistics.GoodReadCount;
      await new Promise((r) => setTimeout(r, 100));
      expect(driver.status().statistics.GoodReadCount).toBe(reads);
      const removed = next(driver, 'removed');
      sim.removeCard();
      await removed;
    }
    expect(driver.status().statistics.GoodReadCount).toBe(Object.keys(CARD_PROFILES).length);
  });

  it('a read failure (0x41) is told once, counted, and the card reads once the fault clears', async () => {
    const { sim, driver } = fit();
    await driver.open();
    sim.fault = 'read-failure';
    const error = next(driver, 'readError');
    sim.putCard(CARD_PROFILES.resident!);
    expect((await error).code).toBe('CARD_READ_FAILED');
    await new Promise((r) => setTimeout(r, 100));
    expect(driver.status().recentErrors.filter((e) => e.code === 'CARD_READ_FAILED')).toHaveLength(1);
    expect(driver.status().statistics.FailedReadCount).toBeGreaterThan(1);
    const read = next(driver, 'card');
    sim.fault = 'none';
    expect((await read).card.name).toBe('张小明');
  });

  it('a SAM fault (0x60) puts the reader in error and it recovers by itself', async () => {
    const { sim, driver } = fit();
    await driver.open();
    const error = next(driver, 'readError');
    sim.fault = 'sam-fault';
    expect((await error).code).toBe('SAM_FAULT');
    expect(driver.state).toBe('error');
    sim.fault = 'none';
    await until(() => driver.state === 'idle');
    sim.putCard(CARD_PROFILES['foreign-2023']!);
    expect((await next(driver, 'card')).card.cardType).toBe('foreign-2023');
  });

  it('a SAM fault at open keeps the reader offline and retrying', async () => {
    const { sim, driver } = fit();
    sim.fault = 'sam-fault';
    await driver.open();
    expect(driver.state).toBe('offline');
    expect(driver.status().recentErrors[0]?.code).toBe('SAM_FAULT');
    sim.fault = 'none';
    await until(() => driver.state === 'idle');
  });

  it('corrupted checksums are communication errors; the reader recovers when they stop', async () => {
    const { sim, driver } = fit();
    await driver.open();
    sim.fault = 'bad-checksum';
    const error = next(driver, 'readError');
    expect((await error).code).toBe('REPLY_CHECKSUM');
    expect(driver.state).toBe('error');
    expect(driver.status().statistics.CommunicationErrorCount).toBeGreaterThanOrEqual(3);
    sim.fault = 'none';
    await until(() => driver.state === 'idle');
    sim.putCard(CARD_PROFILES['resident-rare']!);
    expect((await next(driver, 'card')).card.name).toBe('刘䶮');
  });

  it.each(['chunked', 'noise'] as const)('reads through %s replies', async (fault) => {
    const { sim, driver } = fit();
    sim.fault = fault;
    await driver.open();
    sim.putCard(CARD_PROFILES['hk-macao-taiwan']!);
    expect((await next(driver, 'card')).card.passNumber).toBe('H12345678');
    expect(driver.status().statistics.CommunicationErrorCount).toBe(0);
  });

  it('a silent reader times out, then answers again', async () => {
    const { sim, driver } = fit();
    await driver.open();
    sim.fault = 'mute';
    const error = next(driver, 'readError');
    expect((await error).code).toBe('REPLY_TIMEOUT');
    sim.fault = 'none';
    await until(() => driver.state === 'idle');
  });

  it('an unreadable card is counted apart from failed reads', async () => {
    const { sim, driver } = fit();
    await driver.open();
    const error = next(driver, 'readError');
    sim.putCard({ ...CARD_PROFILES.resident!, idNumber: '445103198503121230' });
    expect((await error).code).toBe('UNREADABLE_CARD');
    expect(driver.status().statistics.UnreadableCardCount).toBeGreaterThan(0);
  });

  it('the port vanishing ends the card in the field, goes offline, and reconnects with backoff', async () => {
    const { sim, transport, driver } = fit();
    await driver.open();
    sim.putCard(CARD_PROFILES.resident!);
    await next(driver, 'card');
    const removed = next(driver, 'removed');
    transport.unplug();
    await removed;
    expect(driver.state).toBe('offline');
    transport.plug();
    await until(() => driver.state === 'idle', 5000);
    expect(driver.status().statistics.CommunicationErrorCount).toBe(1);
  });

  it('health checks: internal asks the SAM, external polls now, interactive waits for a card', async () => {
    const { sim, driver } = fit(1000);
    await driver.open();
    expect(await driver.checkHealth('internal')).toMatchObject({ ok: true });
    expect(await driver.checkHealth('external')).toMatchObject({ ok: true, text: '读卡器正常，感应区无卡' });
    const interactive = driver.checkHealth('interactive');
    sim.putCard(CARD_PROFILES.resident!);
    expect(await interactive).toMatchObject({ ok: true });
    sim.fault = 'sam-fault';
    expect(await driver.checkHealth('internal')).toMatchObject({ ok: false, text: expect.stringContaining('0x60') });
  });
});
