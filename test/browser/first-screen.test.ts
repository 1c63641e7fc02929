import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, startKiosk, type KioskUnderTest } from './harness';
import { hallConfig, staff } from '../support/hall';
import { Voice } from '../../device-daemon/src/hall/voice';

/**
 * Issue 11 #12 and #14 where the UX tour does not look: the kiosk's first screen downloads no other page's
 * code, the call flash never fades the number, zoom is not forbidden (the log tab's axe check: maintenance.test.ts).
 */
let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  // The harness's technician PIN (typePin), the hall's categories and counters.
  const { queue, counters, hall } = hallConfig(undefined);
  kiosk = await startKiosk({ queue, counters, hall });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

describe('first screen', () => {
  it('loads only home before it is usable: no display, counter, phone or maintenance code, assets compressed', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const scripts: { url: string; encoding?: string }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'] });
    });
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: '取号', exact: true }).waitFor();
    const before = scripts.map((s) => s.url);
    expect(before.some((u) => /DisplayPage|CounterPage|MobileTicketPage|PanelScreen|LoginScreen/.test(u)), before.join('\n')).toBe(false);
    expect(scripts.every((s) => s.encoding === 'br'), JSON.stringify(scripts)).toBe(true);
    // The meta viewport leaves zoom to the person (the kiosk's Chromium disables pinch itself).
    expect(await page.locator('meta[name=viewport]').getAttribute('content')).not.toMatch(/user-scalable=no|maximum-scale/);
    // The flows come in the background, so the first tap opens 取号 at once.
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('region', { name: /取号/ }).waitFor({ timeout: 3000 });
    await context.close();
  });
});

describe('accessibility beyond the tour', () => {
  it('the call flash keeps the number fully opaque throughout', async () => {
    const page = await openPage(browser, `${kiosk.url}/display`);
    await page.getByText('最近叫号').waitFor({ timeout: 10_000 });
    await fetch(`${kiosk.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'A', delivery: 'screen' }) });
    await fetch(`${kiosk.url}/api/counters/1/call-next`, { method: 'POST', headers: { 'content-type': 'application/json', ...staff(1) }, body: '{}' });
    const call = page.getByTestId('current-call');
    await call.waitFor({ timeout: 5000 });
    const opacities: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      opacities.push(Number(await call.evaluate((el) => getComputedStyle(el).opacity)));
      await page.waitForTimeout(100);
    }
    expect(Math.min(...opacities)).toBe(1);
    await page.context().close();
  });
});

describe('voice guidance without an engine (issue 11 #4)', () => {
  it('关爱模式 stays silent without a console error or a request the daemon cannot answer', async () => {
    const mute = await startKiosk({}, { voice: new Voice('/nonexistent/espeak-ng') });
    try {
      const page = await openPage(browser, mute.url);
      const errors: string[] = [];
      const voiceRequests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => r.url().includes('/api/voice') && voiceRequests.push(r.url()));
      await page.getByRole('button', { name: '取号', exact: true }).waitFor();
      // The start-up check has failed by now (it runs at onReady); a fresh page learns it from /api/kiosk.
      await expect.poll(async () => (await (await fetch(`${mute.url}/api/kiosk`)).json()).voice.available, { timeout: 10_000 }).toBe(false);
      await page.reload();
      await page.getByRole('switch', { name: '关爱模式' }).click();
      await page.getByRole('button', { name: '取号', exact: true }).click();
      await page.getByRole('region', { name: /取号/ }).waitFor();
      await page.waitForTimeout(1000);
      expect(voiceRequests).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await mute.close();
    }
  });
});
