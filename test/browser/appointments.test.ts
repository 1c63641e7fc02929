import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withCheck } from '../../device-daemon/src/devices/idcard/codec/id-number';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';

/**
 * 预约 in Chromium: booking on the phone page, check-in at the kiosk by typed code and by the simulated QR
 * reader. The hall's clock is UTC and today's one slot starts ten minutes from now, so check-in is open.
 */
let kiosk: KioskUnderTest;
let browser: Browser;
const start = new Date(Math.min(Date.now() + 10 * 60_000, new Date().setUTCHours(23, 59, 0, 0)));
const from = start.toISOString().slice(11, 16);
const slotId = `A-${start.toISOString().slice(0, 10).replaceAll('-', '')}-${from.replace(':', '')}`;
const slot = [{ from, to: '23:59', capacity: 20 }];
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  kiosk = await startKiosk({
    hall: { name: '梅州市政务服务中心', timezone: 'UTC' },
    devices: { idReader: { driver: 'simulated' }, qrReader: { driver: 'simulated' } },
    appointments: { categories: [{ categoryId: 'A', week: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, slot])) }] },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

async function bookByApi(n: number): Promise<{ code: string; qrText: string }> {
  const r = await fetch(`${kiosk.url}/api/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ slotId, idNumber: withCheck(`44140219800101${String(n).padStart(3, '0')}`), name: '李小梅', phone: '13800138000' }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { appointment: { code: string; qrText: string } }).appointment;
}

describe('预约 in Chromium', () => {
  it('books on the phone page: a wrong ID number is named, then a code and a QR code', async () => {
    const page = await openPage(browser, `${kiosk.url}/m/book`, PHONE);
    await page.getByRole('button', { name: new RegExp(`^${from}-23:59`) }).click();
    await page.getByLabel('身份证号码').fill('441402198001010011');
    await page.getByLabel('姓名').fill('李小梅');
    await page.getByLabel('手机号码').fill('138 0013 8000');
    await page.getByRole('button', { name: '提交预约' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('身份证号码不正确');
    await page.getByLabel('身份证号码').fill(withCheck('44140219800101001'));
    await page.getByRole('button', { name: '提交预约' }).click();
    await expect.poll(() => page.getByTestId('booking-code').textContent()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await page.getByRole('img', { name: '预约二维码' }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/m\/a\/[2-9A-HJ-NP-Z]{8}$/);
    expect(await page.getByText('李*梅').isVisible()).toBe(true);
    await screenshot(page, 'appointment-booked-phone');
  });

  it('checks in at the kiosk by the typed booking code and shows the appointment ticket', async () => {
    const { code } = await bookByApi(2);
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '预约签到', exact: true }).click();
    for (const ch of code) await page.getByRole('group', { name: '预约码键盘' }).getByRole('button', { name: ch, exact: true }).click();
    await screenshot(page, 'appointment-check-in-code');
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toMatch(/^A\d{3}$/);
    expect(await page.getByText('（预约）').isVisible()).toBe(true);
  });

  it('checks in by scanning the booking QR on the kiosk reader; another system\'s code gets a plain message', async () => {
    const { qrText } = await bookByApi(3);
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '预约签到', exact: true }).click();
    await expect.poll(() => page.getByRole('group', { name: '预约码键盘' }).isVisible()).toBe(true);
    const scan = (text: string) => fetch(`${kiosk.url}/api/sim/qrReader/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect((await scan('https://example.com/other-system')).status).toBe(200);
    await expect.poll(() => page.getByTestId('appt-problem').textContent()).toContain('不是本大厅');
    expect((await scan(qrText)).status).toBe(200);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toMatch(/^A\d{3}$/);
  });
});
