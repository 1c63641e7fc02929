import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { launchBrowser, openPage, screenshot, typePin as typeOnPad } from './harness';
import { axeViolations } from './a11y';
import { MovableClock, removeDir, startDaemon, TEST_PIN, type Daemon } from '../integration/maintenance-helpers';

/** The technician's tools in the real UI on simulated devices: gesture, PIN, device grid, self-test, faults. */
const PIN = TEST_PIN;
/** Like the harness's startKiosk, but with the log ring wired (the harness turns logging off). */
let kiosk: Daemon & { url: string };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const uiDir = path.resolve(import.meta.dirname, '../../kiosk-ui/dist');
  const devices = {
    idReader: { driver: 'simulated' },
    printer: { driver: 'simulated', statusIntervalMs: 300 },
    keypad: { driver: 'simulated', debounceMs: 0 },
    scanner: { driver: 'simulated' },
  };
  const d = await startDaemon({ devices }, undefined, new MovableClock(true), { uiDir });
  await d.app.listen({ port: 0, host: '127.0.0.1' });
  kiosk = { ...d, url: `http://127.0.0.1:${(d.app.server.address() as { port: number }).port}` };
  browser = await launchBrowser();
  page = await openPage(browser, kiosk.url);
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.app.close();
  if (kiosk) removeDir(kiosk.dataDir);
});

async function typePin(pin: string) {
  const pad = page.getByLabel('维护 PIN', { exact: true }).first();
  await pad.waitFor();
  await typeOnPad(page, pin);
}

const card = (name: string) => page.getByTestId(`device-${name}`);

describe('maintenance UI', () => {
  it('opens with five taps in the corner and a PIN, and refuses a wrong PIN', async () => {
    await page.getByText('取号').first().waitFor({ timeout: 15_000 });
    const corner = page.getByTestId('corner-gesture');
    for (let i = 0; i < 4; i += 1) await corner.click();
    await page.waitForTimeout(300);
    expect(await page.getByText('请输入维护 PIN').count()).toBe(0); // four taps are not enough
    await corner.click();
    await page.getByText('请输入维护 PIN').waitFor({ timeout: 3000 });

    await typePin('111111');
    await page.getByText(/PIN 不正确，还可尝试 4 次/).waitFor({ timeout: 5000 });
    await typePin(PIN);
    await card('printer').waitFor({ timeout: 5000 });
  });

  it('shows every device with its live state, and runs a self-test that really prints', async () => {
    for (const name of ['idReader', 'printer', 'keypad', 'scanner']) {
      await expect.poll(() => page.getByTestId(`state-${name}`).innerText(), { timeout: 10_000 }).toBe('正常');
    }
    await card('printer').getByRole('button', { name: '打印测试页' }).click();
    await expect.poll(() => page.getByTestId('health-printer').innerText(), { timeout: 15_000 }).toContain('已打印自检页');
    const { receipts } = (await (await fetch(`${kiosk.url}/api/sim/printer/receipts`)).json()) as { receipts: { lines: string[] }[] };
    expect(receipts.length).toBeGreaterThan(0);
    await screenshot(page, 'maintenance-devices');
  });

  it('injects a fault into a simulated device and the grid follows the device state live', async () => {
    const printer = card('printer');
    await printer.getByText('故障模拟').click();
    await printer.getByRole('button', { name: '缺纸' }).click();
    await expect.poll(() => page.getByTestId('state-printer').innerText(), { timeout: 10_000 }).not.toBe('正常');
    await printer.getByRole('button', { name: '装纸' }).click();
    await expect.poll(() => page.getByTestId('state-printer').innerText(), { timeout: 10_000 }).toBe('正常');

    const keypad = card('keypad');
    await keypad.getByText('故障模拟').click();
    await keypad.getByRole('button', { name: '按键3' }).click();
    await page.getByRole('button', { name: '刷新计数' }).click();
    await expect.poll(() => page.getByTestId('stat-keypad-KeyPressedCount').innerText(), { timeout: 5000 }).toBe('1');
  });

  it('shows the log tail and system facts, offers the bundle, and ends the session on leaving', async () => {
    await page.getByRole('tab', { name: '日志' }).click();
    await expect.poll(() => page.locator('.mnt-log li').count(), { timeout: 5000 }).toBeGreaterThan(0);
    // Issue 11 #12: log times at 3.04:1 on the dark log, a scrolling log no keyboard could reach.
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '系统' }).click();
    await page.getByText('软件版本').waitFor({ timeout: 5000 });
    expect(await page.getByText('完整性：正常').count()).toBe(1);
    const href = await page.getByRole('link', { name: '导出诊断包' }).getAttribute('href');
    const bundle = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
    expect(bundle.format).toBe('kiosk-diagnostic-bundle/1');
    await screenshot(page, 'maintenance-system');

    await page.getByRole('button', { name: '退出维护' }).click();
    await page.getByText('取号').first().waitFor();
    await expect.poll(() => page.evaluate(async () => (await fetch('/api/maintenance/devices')).status), { timeout: 5000 }).toBe(401);
  });
});
