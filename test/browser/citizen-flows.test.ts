import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tokenHash } from '../../device-daemon/src/core/guards';
import { launchBrowser, openPage, screenshot, serveTicket, startKiosk, type KioskUnderTest } from './harness';

/**
 * Issue 11: the citizen flows as people walk them. One kiosk with the usual countdown for the flows, one with
 * a short countdown for the warning and the return home.
 */
let kiosk: KioskUnderTest;
let quick: KioskUnderTest;
let browser: Browser;

const QUICK_S = 24; // the warning shows at 8 s left

beforeAll(async () => {
  kiosk = await startKiosk({
    queue: {
      categories: [
        { id: 'A', name: '社会民生', realName: 'required', windows: [1, 2] },
        { id: 'C', name: '经营许可', realName: 'required', windows: [1] },
        { id: 'B', name: '注册登记', windows: [1] },
      ],
    },
    counters: { tokens: [{ counter: 1, sha256: tokenHash('staff-token-1') }] },
  });
  quick = await startKiosk({ ui: { pageTimeoutSeconds: QUICK_S, elderPageTimeoutSeconds: QUICK_S }, scan: { resolution: 100 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await call(kiosk, 'DELETE', '/api/sim/idReader/card').catch(() => undefined);
  await call(kiosk, 'POST', '/api/sim/printer/state', { paper: 'ok' }).catch(() => undefined);
  await browser?.close();
  await kiosk?.close();
  await quick?.close();
});

async function call(k: KioskUnderTest, method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(`${k.url}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, `${method} ${url}`).toBeLessThan(300);
  return (await r.json().catch(() => ({}))) as Record<string, unknown>;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const seen = (page: Page, text: string | RegExp, timeout = 10_000) => expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
const atHome = (page: Page, timeout = 10_000) =>
  expect.poll(async () => (await button(page, '取号').isVisible()) && (await page.getByRole('timer').count()) === 0, { timeout }).toBe(true);
const elderOn = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('elder'));

describe('citizen flows (issue 11)', () => {
  it('1: a card left on the reader after a ticket is never taken for the next flow: «请拿起身份证后重新放置»', async () => {
    const page = await openPage(browser, kiosk.url);
    await button(page, '取号').click();
    await page.getByRole('button', { name: /社会民生/ }).click();
    await seen(page, '请将身份证放在感应区');
    await call(kiosk, 'POST', '/api/sim/idReader/card', { profile: 'resident' });
    await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
    // The card stays on the reader; the person (or the next one) goes on to another real-name category.
    await button(page, '完成').click();
    await atHome(page);
    await button(page, '取号').click();
    await page.getByRole('button', { name: /经营许可/ }).click();
    await seen(page, '请拿起身份证后重新放置');
    await screenshot(page, 'citizen-card-left');
    expect(await page.getByTestId('ticket-number').count()).toBe(0);
    await call(kiosk, 'DELETE', '/api/sim/idReader/card');
    await seen(page, '请将身份证放在感应区');
    await call(kiosk, 'POST', '/api/sim/idReader/card', { profile: 'resident' });
    await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
    expect((await page.getByTestId('ticket-number').textContent())?.trim()).toMatch(/^C\d{3}$/);
    await call(kiosk, 'DELETE', '/api/sim/idReader/card');
    await page.context().close();
  });

  it('3: «首页» starts the next person from the defaults: 关爱模式 off', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('switch', { name: /关爱模式/ }).click();
    expect(await elderOn(page)).toBe(true);
    await button(page, '取号').click();
    await page.getByRole('button', { name: /首页/ }).click();
    await atHome(page);
    expect(await elderOn(page)).toBe(false);
    expect(await page.getByRole('switch', { name: /关爱模式/ }).getAttribute('aria-checked')).toBe('false');
    await page.context().close();
  });

  it('5: scanned pages are not thrown away without asking («删除», another 事项, «返回»)', async () => {
    const page = await openPage(browser, kiosk.url);
    await button(page, '材料扫描').click();
    await button(page, '开始扫描').click();
    await expect.poll(() => page.getByRole('img', { name: /第1页/ }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.content()).not.toContain('可缺');
    const dialog = page.getByRole('alertdialog');

    await page.getByRole('button', { name: /^删除第1页/ }).click();
    await seen(page, /删除.*第1页吗？/);
    await dialog.getByRole('button', { name: '保留' }).click();
    expect(await page.getByRole('img', { name: /第1页/ }).isVisible()).toBe(true);

    const other = page.getByRole('radiogroup', { name: '办理事项' }).getByRole('radio', { checked: false }).first();
    await other.click();
    await seen(page, /更换为「.+」吗？/);
    await screenshot(page, 'citizen-scan-ask');
    await dialog.getByRole('button', { name: '继续办理' }).click();
    expect(await page.getByRole('img', { name: /第1页/ }).isVisible()).toBe(true);

    await page.getByRole('button', { name: /返回/ }).click();
    await seen(page, '确定要离开吗？');
    await dialog.getByRole('button', { name: '确定离开' }).click();
    await atHome(page);
    await page.context().close();
  });

  it('7: «其他原因» is typed on the on-screen pinyin keyboard: «tai du» -> «态度», submitted with the rating', async () => {
    const { ticket } = (await call(kiosk, 'POST', '/api/queue/tickets', { categoryId: 'B', delivery: 'screen' })) as { ticket: { id: string; number: string } };
    await serveTicket(kiosk.app, ticket.number); // only a served visit is rated
    const page = await openPage(browser, kiosk.url);
    await button(page, '好差评').click();
    for (const key of ticket.number) await button(page, key).click();
    await button(page, '查找').click();
    await button(page, '不满意').click();
    await page.getByRole('button', { name: '其他原因' }).click();
    const keyboard = page.getByRole('group', { name: '拼音键盘' });
    await keyboard.waitFor({ timeout: 10_000 });
    for (const key of 'taidu') await keyboard.getByRole('button', { name: key, exact: true }).click();
    await screenshot(page, 'citizen-pinyin-keyboard');
    await keyboard.getByRole('button', { name: '态度', exact: true }).click();
    await expect.poll(() => page.getByTestId('text-input-value').textContent()).toBe('态度');
    await keyboard.getByRole('button', { name: '完成', exact: true }).click();
    await button(page, '提交评价').click();
    await seen(page, '感谢您的评价！');
    // An anonymous rater is not promised a dated reply.
    await seen(page, '我们会认真核实并整改。');
    expect(await page.getByText(/前给您答复/).count()).toBe(0);
    const rated = (await call(kiosk, 'GET', `/api/evaluations/by-ticket/${ticket.id}`)) as { evaluation: { reasons: string[]; level: number } };
    expect(rated.evaluation).toMatchObject({ level: 2, reasons: ['态度'] });
    await page.context().close();
  });

  it('9 and 11: a screen-only ticket shows the QR code of the printed one, in citizen words', async () => {
    await call(kiosk, 'POST', '/api/sim/printer/state', { paper: 'out' });
    try {
      const page = await openPage(browser, kiosk.url);
      await button(page, '取号').click();
      await page.getByRole('button', { name: /注册登记/ }).click();
      await seen(page, '凭条打印机暂时无法打印');
      expect(await page.content()).not.toContain('尚未占用');
      await button(page, '屏幕显示号码').click();
      await page.getByTestId('ticket-number').waitFor({ timeout: 10_000 });
      const qr = page.getByRole('img', { name: '排队进度二维码' });
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
      const src = (await qr.getAttribute('src'))!;
      const svg = await (await fetch(`${kiosk.url}${src}`)).text();
      expect(svg).toMatch(/^<svg/);
      await screenshot(page, 'citizen-screen-ticket-qr');
      await page.context().close();
    } finally {
      await call(kiosk, 'POST', '/api/sim/printer/state', { paper: 'ok' });
    }
  });

  it('11: a counter with no token set says so at once, with no configuration key names', async () => {
    const page = await openPage(browser, `${kiosk.url}/counter/2`);
    await seen(page, '2号窗口尚未设置工作人员口令');
    expect(await page.getByLabel('窗口口令').count()).toBe(0);
    const html = await page.content();
    for (const word of ['counters.tokens', 'windows', 'tokens']) expect(html).not.toContain(word);
    await page.goto(`${kiosk.url}/counter/1`);
    await expect.poll(() => page.getByLabel('窗口口令').isVisible()).toBe(true);
    await page.context().close();
  });

  it('6 and 3: the countdown warns «还需要更多时间吗？», a touch extends it; at its end 关爱模式 and the scans are gone', async () => {
    const page = await openPage(browser, quick.url);
    await page.getByRole('switch', { name: /关爱模式/ }).click();
    await button(page, '材料扫描').click();
    await button(page, '开始扫描').click();
    await expect.poll(() => page.getByRole('img', { name: /第1页/ }).isVisible(), { timeout: 30_000 }).toBe(true);
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByText('还需要更多时间吗？').isVisible(), { timeout: QUICK_S * 1000 }).toBe(true);
    expect(await dialog.textContent()).toContain('已扫描的 1 页将被清除');
    await screenshot(page, 'citizen-countdown-warning');
    await dialog.getByRole('button', { name: '需要，继续办理' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(Number(await page.getByRole('timer').locator('.countdown-value').textContent())).toBeGreaterThan(QUICK_S / 3);
    // Left alone: the warning again, then home; the next person starts without 关爱模式 and without the pages.
    await atHome(page, (QUICK_S + 8) * 1000);
    expect(await elderOn(page)).toBe(false);
    await expect.poll(() => readdirSync(path.join(quick.dataDir, 'scans', 'work')).length, { timeout: 10_000 }).toBe(0);
    await page.context().close();
  }, 120_000);
});
