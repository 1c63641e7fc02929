import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';

/** The 取号 real-name step in Chromium with the simulated ID reader (issue 3). */
let kiosk: KioskUnderTest;
let browser: Browser;

const sim = (method: string, url: string, body?: unknown) =>
  fetch(`${kiosk.url}/api/sim/idReader${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => expect(r.status).toBe(200));

beforeAll(async () => {
  kiosk = await startKiosk({
    queue: { categories: [{ id: 'A', name: '社会民生', realName: 'required' }, { id: 'B', name: '注册登记', realName: 'optional' }] },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await sim('DELETE', '/card').catch(() => undefined);
  await browser?.close();
  await kiosk?.close();
});

async function toPrompt(page: Page, category: string) {
  await page.getByRole('button', { name: '取号', exact: true }).click();
  await page.getByRole('button', { name: category }).click();
  await expect.poll(() => page.getByText('请将身份证放在感应区').isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('img', { name: '将身份证平放在读卡器感应区上' }).isVisible()).toBe(true);
}

describe('real-name 取号 in Chromium', () => {
  it('asks for the card with a picture, shows the masked name, and issues the ticket', async () => {
    const page = await openPage(browser, kiosk.url);
    await toPrompt(page, '社会民生');
    await screenshot(page, 'idcard-prompt');
    await sim('POST', '/card', { profile: 'resident' });
    const number = page.getByTestId('ticket-number');
    await number.waitFor({ timeout: 10_000 });
    expect((await number.textContent())?.trim()).toMatch(/^A\d{3}$/);
    expect(await page.content()).not.toContain('张小明');
    await sim('DELETE', '/card');
    await page.context().close();
  });

  it('offers the 绿色通道 ticket to a person at or above the priority age', async () => {
    const page = await openPage(browser, kiosk.url);
    await toPrompt(page, '注册登记');
    await sim('POST', '/card', { profile: 'resident-elder' });
    await expect.poll(() => page.getByTestId('id-name').textContent()).toBe('欧**娜');
    await screenshot(page, 'idcard-priority-offer');
    await page.getByRole('button', { name: /绿色通道取号/ }).click();
    await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByText('（绿色通道）').isVisible()).toBe(true);
    await sim('DELETE', '/card');
    await page.context().close();
  });

  it('tells a read failure in plain Chinese and goes on once the card reads', async () => {
    const page = await openPage(browser, kiosk.url);
    await toPrompt(page, '社会民生');
    await sim('POST', '/fault', { fault: 'read-failure' });
    await sim('POST', '/card', { profile: 'resident-short' });
    await expect.poll(() => page.getByText('未能读取身份证，请重新放置').isVisible()).toBe(true);
    await screenshot(page, 'idcard-read-error');
    await sim('POST', '/fault', { fault: 'none' });
    await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
    await sim('DELETE', '/card');
    await page.context().close();
  });

  it('an optional category can go on without a card', async () => {
    const page = await openPage(browser, kiosk.url);
    await toPrompt(page, '注册登记');
    await page.getByRole('button', { name: '不使用身份证，直接取号' }).click();
    await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
