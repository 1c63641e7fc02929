import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';
import { hashPin } from '../../device-daemon/src/maintenance/pin';

/** Issue 10 in the browser: a clerk signs in at window 3 with 工号 + PIN, the display shows who is on duty (公示). */
let kiosk: KioskUnderTest;
let browser: Browser;
const PIN = '135790';
const MATTER = { code: '11440500MB2C-001', name: '个体工商户设立登记', department: '市场监督管理局', categoryId: 'A' };

beforeAll(async () => {
  const pinHash = await hashPin(PIN);
  kiosk = await startKiosk({
    hall: { name: '潮安区政务服务中心' },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [3] }] },
    staff: [
      { id: 'S001', name: '李明', department: '市场监督管理局', roles: ['window'], pinHash },
      { id: 'S002', name: '王芳', roles: ['window'], pinHash },
    ],
    matters: [MATTER],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

describe('staff at the window', () => {
  it('signs in with 工号 and the PIN pad, shows the duty name on the counter page and the hall display, finishes with 事项 and 办件编号', async () => {
    const display = await openPage(browser, `${kiosk.url}/display`);
    await display.getByText('潮安区政务服务中心').waitFor({ timeout: 10_000 });
    const counter = await openPage(browser, `${kiosk.url}/counter/3`);

    await counter.getByLabel('工号').fill('S001');
    for (const key of '000000') await counter.getByRole('button', { name: key, exact: true }).click();
    await counter.getByRole('button', { name: '登录', exact: true }).click();
    await counter.getByRole('alert').filter({ hasText: '工号或密码不正确' }).waitFor({ timeout: 3000 });
    for (const key of PIN) await counter.getByRole('button', { name: key, exact: true }).click();
    await counter.getByRole('button', { name: '登录', exact: true }).click();
    await counter.getByTestId('counter-duty').filter({ hasText: '李明（工号 S001）A岗' }).waitFor({ timeout: 3000 });
    // No configuration key names on the clerk's screen.
    expect(await counter.locator('body').innerText()).not.toMatch(/counters\.|tokens|sha256|pinHash/);

    await display.getByTestId('duty-3').filter({ hasText: '3号窗口 李明 工号S001' }).waitFor({ timeout: 3000 });
    await screenshot(display, 'display-duty');

    await fetch(`${kiosk.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'A', delivery: 'screen' }) });
    await counter.getByRole('button', { name: '叫下一位' }).click();
    await counter.getByTestId('counter-current').filter({ hasText: 'A001' }).waitFor({ timeout: 3000 });
    await counter.getByRole('button', { name: '开始办理' }).click();
    await counter.getByLabel('办理事项').selectOption(MATTER.code);
    await counter.getByLabel('办件编号').fill('GD-2026-000123');
    await screenshot(counter, 'counter-finish');
    await counter.getByRole('button', { name: '办结', exact: true }).click();
    await counter.getByText('当前无号码').waitFor({ timeout: 3000 });
    const [row] = await kiosk.app.store.query<{ case_number: string; matter_code: string; staff_id: string }>(
      'SELECT case_number, matter_code, staff_id FROM service_cases WHERE ticket_number = $1', ['A001']);
    expect(row).toEqual({ case_number: 'GD-2026-000123', matter_code: MATTER.code, staff_id: 'S001' });

    // Signing out takes the name off the display.
    await counter.getByRole('button', { name: '退出登录' }).click();
    await counter.getByLabel('工号').waitFor({ timeout: 3000 });
    await display.getByTestId('duty-3').waitFor({ state: 'detached', timeout: 3000 });
    await counter.context().close();
    await display.context().close();
  });
});
