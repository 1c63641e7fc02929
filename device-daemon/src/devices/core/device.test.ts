import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDb } from '../../store/sqlite';
import { StatisticsStore } from '../../maintenance/statistics';
import { maintenanceMigrations } from '../../maintenance/migrations';
import { DeviceDriver } from './device';
import { LoopbackTransport, type ByteDevice } from './loopback-transport';

const HOUR = 3_600_000;

/** A do-nothing far end. */
class Silent implements ByteDevice {
  receive(): void {}
  connect(): void {}
  disconnect(): void {}
}

/** The smallest driver over a loopback transport, with its connect gated by the test when wanted. */
class TestDriver extends DeviceDriver {
  readonly name = 'keypad' as const;
  readonly driver = 'test';
  readonly transport = new LoopbackTransport(new Silent(), 'test');
  gate: Promise<void> | undefined;
  private readonly onData = () => this.count('ChunkCount');
  private readonly onClose = (err?: Error) => {
    this.transport.off('data', this.onData).off('close', this.onClose);
    if (err) this.connectionLost(err.message);
  };

  constructor(public clock = { t: 0 }) {
    super({ simulated: true, monotonicMs: () => clock.t });
  }
  protected async connect(): Promise<void> {
    await this.gate;
    await this.transport.open();
    this.transport.on('data', this.onData).on('close', this.onClose);
  }
  protected async disconnect(): Promise<void> {
    this.transport.off('data', this.onData).off('close', this.onClose);
    await this.transport.close();
  }
  protected async probe(): Promise<{ ok: boolean; text: string }> {
    return { ok: true, text: 'ok' };
  }
}

const drivers: TestDriver[] = [];
function fit(clock = { t: 0 }): TestDriver {
  const d = new TestDriver(clock);
  drivers.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

describe('DeviceDriver HoursPoweredCount', () => {
  it('counts connected time only, in whole hours with the seconds of the current hour beside', async () => {
    const d = fit();
    expect(d.status().statistics).toMatchObject({ HoursPoweredCount: 0, PoweredSecondsRemainder: 0 });
    await d.open();
    d.clock.t += 1.5 * HOUR;
    expect(d.status().statistics).toMatchObject({ HoursPoweredCount: 1, PoweredSecondsRemainder: 1800 });
    d.transport.unplug(); // offline: the hours stop
    expect(d.state).toBe('offline');
    d.clock.t += 5 * HOUR;
    expect(d.status().statistics).toMatchObject({ HoursPoweredCount: 1, PoweredSecondsRemainder: 1800 });
    d.transport.plug();
    await d.open();
    d.clock.t += 0.6 * HOUR;
    expect(d.status().statistics).toMatchObject({ HoursPoweredCount: 2, PoweredSecondsRemainder: 360 });
    await d.close();
    d.clock.t += HOUR;
    expect(d.status().statistics.HoursPoweredCount).toBe(2);
  });

  it('survives save cycles and restarts through the maintenance store without counting an hour twice', async () => {
    const db = new SqliteDb(':memory:');
    await db.migrate('maintenance', maintenanceMigrations);
    const store = new StatisticsStore(db, 'k1', { now: () => new Date() });

    const first = fit();
    await store.restore([first]);
    await first.open();
    for (let i = 0; i < 9; i++) {
      first.clock.t += HOUR / 4; // a save every quarter of an hour: 2 h 15 min in all
      await store.save([first]);
    }
    await first.close();
    await store.save([first]);

    const second = fit();
    await store.restore([second]);
    expect(second.status().statistics).toMatchObject({ HoursPoweredCount: 2, PoweredSecondsRemainder: 900 });
    await second.open();
    second.clock.t += 0.75 * HOUR; // the quarter carried over completes the third hour
    await store.save([second]);
    await store.save([second]);
    await second.close();

    const third = fit();
    await store.restore([third]);
    expect(third.status().statistics).toMatchObject({ HoursPoweredCount: 3, PoweredSecondsRemainder: 0 });
    await db.close();
  });
});

describe('DeviceDriver lifecycle', () => {
  it('connects once when opened twice, so listeners are attached once', async () => {
    const d = fit();
    await Promise.all([d.open(), d.open()]);
    await d.open();
    expect(d.transport.listenerCount('data')).toBe(1);
    expect(d.transport.listenerCount('close')).toBe(1);
  });

  it('undoes a connect that finishes after close, and counts no powered time for it', async () => {
    const d = fit();
    let release!: () => void;
    d.gate = new Promise<void>((r) => (release = r));
    const opening = d.open();
    await d.close();
    release();
    await opening;
    expect(d.state).toBe('closed');
    expect(d.transport.isOpen).toBe(false);
    expect(d.transport.listenerCount('data')).toBe(0);
    d.clock.t += 2 * HOUR;
    expect(d.status().statistics.HoursPoweredCount).toBe(0);
  });

  it('restores other statistics by adding them', () => {
    const d = fit();
    d.restoreStatistics({ KeyPressedCount: 7, HoursPoweredCount: 4, PoweredSecondsRemainder: 10 });
    d.restoreStatistics({ KeyPressedCount: 1 });
    expect(d.status().statistics).toMatchObject({ KeyPressedCount: 8, HoursPoweredCount: 4, PoweredSecondsRemainder: 10 });
  });
});
