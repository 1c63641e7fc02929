import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';
import { hallConfig, staff } from '../support/hall';

let kiosk: KioskUnderTest;
let browser: Browser;
let page: Page;
const voiceRequests: string[] = [];

beforeAll(async () => {
  const { queue, counters, hall, maintenance } = hallConfig(undefined);
  kiosk = await startKiosk({ queue, counters, maintenance, hall: { ...hall, name: '潮安区政务服务中心' } });
  browser = await launchBrowser();
  page = await openPage(browser, `${kiosk.url}/display`);
  page.on('request', (r) => {
    if (r.url().includes('/api/voice?')) voiceRequests.push(decodeURIComponent(new URL(r.url()).searchParams.get('text') ?? ''));
  });
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${kiosk.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json();
}

describe('hall display', () => {
  it('shows a call made through the API by itself (pushed), lists it, updates waiting counts, and announces it', async () => {
    await page.getByText('潮安区政务服务中心').waitFor({ timeout: 10_000 });
    await page.getByText('最近叫号').waitFor();
    for (let i = 0; i < 3; i++) await post('/api/queue/tickets', { categoryId: 'A', delivery: 'screen' });
    await post('/api/queue/tickets', { categoryId: 'B', delivery: 'screen' });
    await expect.poll(() => page.locator('.hd-waiting-card', { hasText: '社会民生' }).innerText(), { timeout: 3000 }).toMatch(/等候\s*3\s*人/);

    await post('/api/counters/2/call-next', {}, staff(2));
    await page.getByTestId('current-call').filter({ hasText: '请A001号到2号窗口办理' }).waitFor({ timeout: 3000 });
    await expect.poll(() => page.locator('.hd-waiting-card', { hasText: '社会民生' }).innerText(), { timeout: 3000 }).toMatch(/等候\s*2\s*人/);

    // A recall (重呼) shows the badge and is announced again.
    await post('/api/counters/2/recall', {}, staff(2));
    await page.locator('.hd-recall', { hasText: '重呼' }).waitFor({ timeout: 3000 });
    await post('/api/counters/2/no-show', {}, staff(2));
    await post('/api/counters/1/call-next', {}, staff(1));
    await page.getByTestId('current-call').filter({ hasText: '请A002号到1号窗口办理' }).waitFor({ timeout: 3000 });
    const recent = await page.locator('.hd-recent li').allInnerTexts();
    expect(recent.map((t) => t.replace(/\s+/g, ' '))).toEqual(['A002 1号窗口', 'A001 2号窗口']);

    // Headless Chromium has no Mandarin voice: the display falls back to the daemon's espeak-ng route.
    await expect.poll(() => voiceRequests, { timeout: 12_000 }).toEqual(
      expect.arrayContaining(['请A零零一号，到2号窗口办理', '重呼，请A零零一号，到2号窗口办理']),
    );
    await screenshot(page, 'display-call');
  });

  it('keeps the last calls after a reload (fetched from the daemon, not only from events)', async () => {
    await page.reload();
    await page.locator('.hd-recent li').first().waitFor({ timeout: 5000 });
    expect((await page.locator('.hd-recent li').first().innerText()).replace(/\s+/g, ' ')).toBe('A002 1号窗口');
    expect(await page.getByTestId('current-call').innerText()).toBe('请A002号到1号窗口办理');
  });

  it('the counter page calls the next number after the staff token is typed', async () => {
    const counterPage = await openPage(browser, `${kiosk.url}/counter/1`);
    await counterPage.getByLabel('窗口口令').fill('wrong');
    await counterPage.getByRole('button', { name: '进入' }).click();
    await counterPage.getByRole('button', { name: '过号' }).click();
    await counterPage.getByRole('alert').filter({ hasText: '窗口口令不正确' }).waitFor({ timeout: 3000 });
    await counterPage.getByLabel('窗口口令').fill('staff-token-1');
    await counterPage.getByRole('button', { name: '进入' }).click();
    await counterPage.getByRole('button', { name: '过号' }).click(); // A002, called by the API above
    await counterPage.getByRole('button', { name: '叫下一位' }).click();
    await counterPage.getByTestId('counter-current').filter({ hasText: 'A003' }).waitFor({ timeout: 3000 });
    await page.getByTestId('current-call').filter({ hasText: '请A003号到1号窗口办理' }).waitFor({ timeout: 1000 });
    await counterPage.getByRole('button', { name: '开始办理' }).click();
    await counterPage.getByText('办理中').waitFor({ timeout: 3000 });
    await screenshot(counterPage, 'counter-page');
    await counterPage.context().close();
  });
});
