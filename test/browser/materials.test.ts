import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { scanPage } from '../integration/scan-support';

/** Issue 13 in the browser: scanned materials opened at the window that calls their ticket; 帮办 from the kiosk. */
let kiosk: KioskUnderTest;
let browser: Browser;
const PIN = '135790';
const MATTER = {
  code: 'HJ-QY-001', name: '户口迁移登记', department: '公安局', categoryId: 'A',
  materials: [{ id: 'id-card', name: '居民身份证' }, { id: 'household-book', name: '居民户口簿' }],
};

beforeAll(async () => {
  const pinHash = await hashPin(PIN);
  kiosk = await startKiosk({
    hall: { name: '潮安区政务服务中心' },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [3] }] },
    staff: [{ id: 'S001', name: '李明', roles: ['window'], pinHash }],
    matters: [MATTER],
    scan: { resolution: 100 },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const json = (method: string, url: string, body?: object) =>
  fetch(`${kiosk.url}${url}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) });

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('工号').fill('S001');
  for (const key of PIN) await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('counter-duty').filter({ hasText: '李明' }).waitFor({ timeout: 5000 });
}

describe('materials at the window', () => {
  it('the window calling the ticket sees its submission and opens the PDF; without sign-in 401 and no PDF byte', async () => {
    const ticket = (await (await json('POST', '/api/queue/tickets', { categoryId: 'A', delivery: 'screen' })).json()).ticket;
    const sub = (await (await json('POST', '/api/scan/submissions', { matterId: MATTER.code, ticketId: ticket.id })).json()).submission;
    expect((await scanPage(kiosk.app, sub.id, 'id-card')).state).toBe('done');
    expect((await json('POST', `/api/scan/submissions/${sub.id}/finish`)).status).toBe(200);

    const refused = await fetch(`${kiosk.url}/api/scan/submissions/${sub.id}/pdf`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('%PDF');

    const counter = await openPage(browser, `${kiosk.url}/counter/3`);
    await signIn(counter);
    await counter.getByRole('button', { name: '叫下一位' }).click();
    await counter.getByTestId('counter-current').filter({ hasText: ticket.number }).waitFor({ timeout: 5000 });
    const card = counter.getByTestId('submission').filter({ hasText: sub.number });
    await card.waitFor({ timeout: 5000 });
    expect(await card.innerText()).toContain('尚缺：居民户口簿');
    const [pdf] = await Promise.all([
      counter.waitForResponse((r) => r.url().endsWith(`/api/scan/submissions/${sub.id}/pdf`)),
      card.getByRole('button', { name: '查看 PDF' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await counter.locator('iframe[title="材料 PDF"]').waitFor({ timeout: 5000 });
    await screenshot(counter, 'counter-materials');
    const [opening] = await kiosk.app.store.query<{ staff_id: string; counter: number }>('SELECT staff_id, counter FROM scan_pdf_openings WHERE submission_id = $1', [sub.id]);
    expect(opening).toMatchObject({ staff_id: 'S001', counter: 3 });
    await counter.context().close();
  });
});

describe('帮办代办', () => {
  it('a help request raised at the kiosk rings on the open counter page by itself (pushed, no reload), is taken and closed; the kiosk shows each step', async () => {
    const counter = await openPage(browser, `${kiosk.url}/counter/3`);
    await signIn(counter);
    // A counter page is open all day: give the freshly loaded page time to open its event stream (it connects after
    // the first render). How fast the request arrives is not asserted here (a loaded machine would make it flaky):
    // only that the open page shows it by itself.
    await counter.waitForTimeout(1500);
    const screen = await openPage(browser, kiosk.url);
    await screen.getByRole('button', { name: '取号' }).click();
    await screen.getByRole('button', { name: '呼叫帮办' }).click();
    await screen.getByTestId('help-status').filter({ hasText: '已通知工作人员' }).waitFor({ timeout: 3000 });
    const row = counter.getByTestId('help-request');
    await row.waitFor({ timeout: 5000 });
    await screenshot(counter, 'counter-help');

    await row.getByRole('button', { name: '我来帮办' }).click();
    await screen.getByTestId('help-status').filter({ hasText: '工作人员正在赶来（李明）' }).waitFor({ timeout: 3000 });
    await screenshot(screen, 'kiosk-help-coming');
    await row.getByRole('button', { name: '帮办完成' }).click();
    await screen.getByRole('button', { name: '呼叫帮办' }).waitFor({ timeout: 3000 });
    await row.waitFor({ state: 'detached', timeout: 3000 });
    const [r] = await kiosk.app.store.query<{ state: string; taken_by: string; outcome: string }>('SELECT state, taken_by, outcome FROM help_requests');
    expect(r).toEqual({ state: 'closed', taken_by: 'S001', outcome: 'helped' });
    await screen.context().close();
    await counter.context().close();
  });
});

describe('帮办 from home', () => {
  it('home has «呼叫帮办»; the countdown holds while staff are called; «不需要了» withdraws it on the counter page too', async () => {
    // One request per kiosk: a call an earlier test left open would come back instead of a new one.
    for (const { id } of await kiosk.app.store.query<{ id: string }>("SELECT id FROM help_requests WHERE state <> 'closed'")) {
      await json('POST', `/api/help-requests/${id}/cancel`);
    }
    const counter = await openPage(browser, `${kiosk.url}/counter/3`);
    await signIn(counter);
    await counter.waitForTimeout(1500);
    const screen = await openPage(browser, kiosk.url);
    await screen.getByRole('button', { name: '呼叫帮办' }).click();
    await screen.getByTestId('help-status').filter({ hasText: '已通知工作人员' }).waitFor({ timeout: 3000 });
    const row = counter.getByTestId('help-request').filter({ hasText: 'home' });
    await row.waitFor({ timeout: 10_000 });
    await screenshot(screen, 'kiosk-help-home');

    // The request follows the person into a flow; the page's countdown does not run meanwhile.
    await screen.getByRole('button', { name: '取号', exact: true }).click();
    const timer = screen.getByRole('timer');
    await timer.waitFor();
    const full = await timer.getAttribute('aria-label');
    await screen.waitForTimeout(2500);
    expect(await timer.getAttribute('aria-label')).toBe(full);

    await screen.getByRole('button', { name: '不需要了' }).click();
    await screen.getByTestId('help-status').filter({ hasText: '已取消呼叫' }).waitFor({ timeout: 3000 });
    await row.waitFor({ state: 'detached', timeout: 3000 });
    await expect.poll(async () => timer.getAttribute('aria-label'), { timeout: 5000 }).not.toBe(full);
    const [r] = await kiosk.app.store.query<{ outcome: string }>("SELECT outcome FROM help_requests WHERE screen = 'home'");
    expect(r).toEqual({ outcome: 'left' });
    await screen.context().close();
    await counter.context().close();
  });
});

describe('materials scanned at the kiosk, opened at the window', () => {
  it('取号 → «扫描办事材料» → one page → «完成» names the missing material → the window calling the ticket opens them', async () => {
    // Window 3 free: an earlier test may have left its ticket there.
    const left = (await kiosk.app.counters.view(3)).current;
    if (left?.state === 'called') await kiosk.app.counters.onCurrent(3, 'no-show');
    if (left?.state === 'serving') await kiosk.app.counters.finish(3, null, { source: 'counter' });

    const screen = await openPage(browser, kiosk.url);
    await screen.getByRole('button', { name: '取号', exact: true }).click();
    await screen.getByRole('button', { name: '社会民生' }).click();
    const number = (await screen.getByTestId('ticket-number').textContent())!.trim();
    await screen.getByRole('button', { name: '扫描办事材料' }).click();
    await screen.getByTestId('scan-ticket').filter({ hasText: number }).waitFor({ timeout: 5000 });
    await screen.getByRole('button', { name: '开始扫描', exact: true }).click();
    await screen.getByRole('img', { name: /第1页/ }).waitFor({ timeout: 20_000 });
    await screen.getByRole('button', { name: '完成', exact: true }).click();
    await screen.getByRole('button', { name: '确定完成', exact: true }).waitFor({ timeout: 5000 });
    expect(await screen.locator('.scan-missing').innerText()).toContain('居民户口簿');
    await screenshot(screen, 'scan-missing-confirm');
    await screen.getByRole('button', { name: '确定完成', exact: true }).click();
    const sm = (await screen.getByTestId('scan-number').textContent({ timeout: 20_000 }))!.trim();
    expect(await screen.getByTestId('scan-linked').innerText()).toContain(number);
    expect(await screen.getByTestId('scan-missing').innerText()).toContain('居民户口簿');
    const receipt = ((await (await fetch(`${kiosk.url}/api/sim/printer/receipts`)).json()) as { receipts: { lines: string[] }[] }).receipts.at(-1)!;
    const printed = receipt.lines.join('\n');
    expect(printed).toContain(sm);
    expect(printed).toMatch(/尚缺材料（请补交）：\s*\n\s*· 居民户口簿/);

    const counter = await openPage(browser, `${kiosk.url}/counter/3`);
    await signIn(counter);
    await counter.getByRole('button', { name: '叫下一位' }).click();
    await counter.getByTestId('counter-current').filter({ hasText: number }).waitFor({ timeout: 5000 });
    const card = counter.getByTestId('submission').filter({ hasText: sm });
    await card.waitFor({ timeout: 5000 });
    expect(await card.innerText()).toContain('尚缺：居民户口簿');
    const [pdf] = await Promise.all([
      counter.waitForResponse((r) => r.url().includes('/pdf')),
      card.getByRole('button', { name: '查看 PDF' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    await screen.context().close();
    await counter.context().close();
  });
});
