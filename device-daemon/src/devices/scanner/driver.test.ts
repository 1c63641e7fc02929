import { afterEach, describe, expect, it } from 'vitest';
import { ScannerDriver } from './driver';
import { SaneTestScript, SaneTestTransport, TEST_DEVICE } from './sim/sane-test';
import { SimulatedScanimage } from './sim/scanimage';
import { TEST_BACKEND_SOURCES } from './codec/args';

const drivers: ScannerDriver[] = [];
function make(opts: { device?: string; timeoutMs?: number } = {}) {
  const script = new SaneTestScript();
  const driver = new ScannerDriver({
    driver: 'simulated',
    simulated: true,
    transport: new SaneTestTransport(new SimulatedScanimage(), script),
    device: opts.device ?? TEST_DEVICE,
    sources: TEST_BACKEND_SOURCES,
    timeoutMs: opts.timeoutMs ?? 10_000,
  });
  drivers.push(driver);
  return { driver, script };
}
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

const page = { resolution: 100, mode: 'gray' as const, source: 'flatbed' as const };

describe('ScannerDriver over the in-process scanimage simulator', () => {
  it('opens when the device is listed and scans a page of the right size with rising progress', async () => {
    const { driver } = make();
    await driver.open();
    expect(driver.state).toBe('idle');
    const seen: number[] = [];
    const states: string[] = [];
    driver.on('state', (e) => states.push(e.state));
    const img = await driver.scan({ ...page, area: { left: 0, top: 0, width: 50.8, height: 25.4 } }, { onProgress: (p) => seen.push(p) });
    expect([img.width, img.height, img.channels]).toEqual([200, 100, 1]);
    expect(img.data.length).toBe(200 * 100);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(states).toEqual(['busy', 'idle']);
    expect(driver.status().statistics.GoodScanCount).toBe(1);
  });

  it('goes offline when the configured device is not listed', async () => {
    const { driver } = make({ device: 'fujitsu:fi-7160:1' });
    await driver.open();
    expect(driver.state).toBe('offline');
    expect(driver.status().recentErrors[0]?.code).toBe('ENOENT');
  });

  it('reports a jam as a typed error, stays usable, and recovers on the next good scan', async () => {
    const { driver, script } = make();
    await driver.open();
    script.fault = 'jammed';
    await expect(driver.scan(page)).rejects.toMatchObject({ code: 'SCANNER_JAMMED' });
    expect(driver.state).toBe('error');
    script.fault = 'cover-open';
    await expect(driver.scan(page)).rejects.toMatchObject({ code: 'SCANNER_COVER_OPEN' });
    script.fault = 'no-documents';
    await expect(driver.scan(page)).rejects.toMatchObject({ code: 'SCANNER_NO_DOCUMENTS' });
    script.fault = 'none';
    await driver.scan(page);
    expect(driver.state).toBe('idle');
    const stats = driver.status().statistics;
    expect([stats.FailedScanCount, stats.JamCount, stats.CoverOpenCount, stats.NoDocumentCount, stats.GoodScanCount]).toEqual([3, 1, 1, 1, 1]);
  });

  it('runs one scan at a time, cancels by stopping the run, and times out', async () => {
    const { driver } = make({ timeoutMs: 5 });
    await driver.open();
    const big = { resolution: 600, mode: 'color' as const, source: 'flatbed' as const };
    await expect(driver.scan(big)).rejects.toMatchObject({ code: 'SCANNER_TIMEOUT' });

    const { driver: d2 } = make();
    await d2.open();
    const first = d2.scan(big);
    await expect(d2.scan(page)).rejects.toMatchObject({ code: 'SCANNER_BUSY' });
    d2.cancel();
    await expect(first).rejects.toMatchObject({ code: 'SCANNER_CANCELLED' });
    expect(d2.state).toBe('idle');
  });

  it('checks health: internal lists the device, external scans a small page', async () => {
    const { driver } = make();
    await driver.open();
    expect(await driver.checkHealth('internal')).toMatchObject({ ok: true });
    expect(await driver.checkHealth('external')).toMatchObject({ ok: true, text: expect.stringContaining('39×39') });
  });
});
