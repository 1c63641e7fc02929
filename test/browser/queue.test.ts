import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';

let kiosk: KioskUnderTest;
let browser: Browser;

interface Receipt {
  lines: string[];
  qr: string[];
}

async function receipts(): Promise<Receipt[]> {
  const r = await fetch(`${kiosk.url}/api/sim/printer/receipts`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { receipts: Receipt[] }).receipts;
}

async function setPrinter(state: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${kiosk.url}/api/sim/printer/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  kiosk = await startKiosk({ hall: { name: '潮安区政务服务中心' }, ui: { pageTimeoutSeconds: 10 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

async function takeTicket(page: Page, category: string): Promise<void> {
  await page.getByRole('button', { name: '取号', exact: true }).click();
  await page.getByRole('button', { name: category }).click();
}

describe('取号 in Chromium on simulated devices', () => {
  it('home shows the three tiles and the 关爱模式 switch', async () => {
    const page = await openPage(browser, kiosk.url);
    for (const name of ['取号', '好差评', '材料扫描']) await expect.poll(() => page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('潮安区政务服务中心').first().isVisible()).toBe(true);
    await screenshot(page, 'home-1920x1080');
    const care = page.getByRole('switch', { name: '关爱模式' });
    await care.click();
    expect(await care.getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await screenshot(page, 'home-elder');
    await page.context().close();
  });

  it('takes a printed ticket: the number on screen is the number the printer printed', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await expect.poll(() => page.getByRole('timer').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /返回/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /首页/ }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '社会民生' }).waitFor();
    await screenshot(page, 'queue-categories');
    await page.getByRole('button', { name: '社会民生' }).click();
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    const shown = (await number.textContent())?.trim();
    expect(shown).toMatch(/^A\d{3}$/);
    await expect.poll(() => page.getByText('请取走下方出口的取号凭条').isVisible()).toBe(true);
    await screenshot(page, 'queue-ticket');
    const printed = await receipts();
    const last = printed[printed.length - 1]!;
    expect(last.lines.join('\n')).toContain(shown);
    expect(last.lines.join('\n')).toContain('社会民生');
    expect(last.qr[0]).toMatch(/\/m\/t\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('with the printer out of paper says so plainly, uses no number, and offers a number on screen', async () => {
    await setPrinter({ paper: 'out' });
    const before = (await receipts()).length;
    const page = await openPage(browser, kiosk.url);
    await takeTicket(page, '注册登记');
    await expect.poll(() => page.getByText('凭条打印机暂时无法打印').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/缺纸/).first().isVisible()).toBe(true);
    await screenshot(page, 'queue-paper-out');
    await page.getByRole('button', { name: '屏幕显示号码' }).click();
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    expect((await number.textContent())?.trim()).toBe('B001'); // the refused print used no number
    await expect.poll(() => page.getByText('请记住您的号码').isVisible()).toBe(true);
    expect((await receipts()).length).toBe(before);
    await setPrinter({ paper: 'ok' });
    await page.context().close();
  });

  it('the countdown returns home and forgets the person\'s place', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('button', { name: '经营许可' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: '材料扫描', exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('timer').count()).toBe(0);
    await page.context().close();
  });

  it('lays out for a 1080x1920 portrait kiosk', async () => {
    const page = await openPage(browser, kiosk.url, { width: 1080, height: 1920 });
    await page.getByRole('button', { name: '取号', exact: true }).waitFor();
    const boxes = await Promise.all(['取号', '好差评'].map((n) => page.getByRole('button', { name: n, exact: true }).boundingBox()));
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1); // stacked, not side by side
    await screenshot(page, 'home-1080x1920');
    await page.context().close();
  });

  it('shows a banner while the daemon is unreachable', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '取号', exact: true }).waitFor();
    await kiosk.app.close();
    await expect.poll(() => page.getByText('系统连接中断').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'daemon-unreachable');
    await page.context().close();
  });
});
