import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withCheck } from '../../device-daemon/src/devices/idcard/codec/id-number';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { launchBrowser, openPage, screenshot, serveTicket, startKiosk, type KioskUnderTest } from './harness';

/**
 * 预约 in Chromium: booking on the phone page and at the kiosk after a card read, check-in at the kiosk by
 * typed code and by the simulated QR reader, and 好差评 opened by scanning a ticket's QR. The hall's clock is
 * UTC and today's one slot starts ten minutes from now, so check-in is open.
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
    devices: { idReader: { driver: 'simulated' }, qrReader: { driver: 'simulated' }, printer: { driver: 'simulated' } },
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

/** A simulator's own route; answers other than 2xx fail the test (a DELETE with a JSON type and no body would be 400). */
async function sim(device: string, what: string, body?: unknown, method = 'POST') {
  const init = body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {};
  const res = await fetch(`${kiosk.url}/api/sim/${device}/${what}`, { method, ...init });
  expect(res.ok, `${method} /api/sim/${device}/${what}: ${res.status}`).toBe(true);
  return res;
}
const scan = (text: string) => sim('qrReader', 'scan', { text });
const receipts = async () => ((await (await fetch(`${kiosk.url}/api/sim/printer/receipts`)).json()) as { receipts: { lines: string[]; qr: string[] }[] }).receipts;

/** A ticket taken on paper (its QR is the printed one), served at its window unless `served` is false. */
async function printedTicket(served: boolean): Promise<{ number: string; qr: string }> {
  const r = await fetch(`${kiosk.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'A' }) });
  expect(r.status).toBe(201);
  const { ticket } = (await r.json()) as { ticket: { id: string; number: string } };
  const qr = (await receipts()).at(-1)!.qr[0]!;
  expect(qr).toContain(ticket.id);
  if (served) await serveTicket(kiosk.app, ticket.number);
  return { number: ticket.number, qr };
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

  it('books at the kiosk after a card read: masked person, 事项 and slot, phone on the digit pad, code and QR on screen and on paper', async () => {
    const card = CARD_PROFILES.resident!;
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '预约签到', exact: true }).click();
    await page.getByRole('button', { name: '还没有预约？刷身份证预约' }).click();
    await expect.poll(() => page.getByText('请将身份证放在感应区').isVisible()).toBe(true);
    await sim('idReader', 'card', { profile: 'resident' });
    await expect.poll(() => page.getByTestId('booking-person').textContent()).toContain('张*明');
    expect(await page.content()).not.toContain(card.idNumber);
    expect(await page.getByRole('button', { name: '社会民生' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: new RegExp(`^${from}-23:59`) }).click();
    await screenshot(page, 'appointment-kiosk-slot');
    await page.getByRole('button', { name: '下一步' }).click();
    for (const d of '13900139000') await page.locator('.pad-key', { hasText: new RegExp(`^${d}$`) }).click();
    await page.getByRole('button', { name: '提交预约' }).click();
    await expect.poll(() => page.getByTestId('booking-code').textContent()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const code = (await page.getByTestId('booking-code').textContent())!;
    await expect.poll(() => page.getByRole('img', { name: '预约二维码' }).isVisible()).toBe(true);
    expect(await page.getByText('预约凭条已打印，请取走').isVisible()).toBe(true);
    expect(await page.getByText('139****9000').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(card.idNumber);
    await screenshot(page, 'appointment-kiosk-booked');
    const slip = (await receipts()).at(-1)!;
    expect(slip.lines.join('\n')).toContain(code);
    expect(slip.qr[0]).toMatch(new RegExp(`/m/a/${code}$`));
    await page.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => page.getByRole('button', { name: '取号', exact: true }).isVisible()).toBe(true);
    await sim('idReader', 'card', undefined, 'DELETE');
    // A kiosk page left on home would take the next test's scans too (one reader, every page hears it).
    await page.close();
  });

  it('lists the person\'s bookings after the card read and cancels one by the same card, asked once more', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '预约签到', exact: true }).click();
    await page.getByRole('button', { name: '还没有预约？刷身份证预约' }).click();
    await expect.poll(() => page.getByText('请将身份证放在感应区').isVisible()).toBe(true);
    await sim('idReader', 'card', { profile: 'resident' });
    const mine = page.getByRole('region', { name: '我的预约' });
    // The booking the test above made with this card.
    await expect.poll(() => mine.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await mine.innerText()).toContain(`${from}-23:59`);
    await screenshot(page, 'appointment-kiosk-mine');
    await mine.getByRole('button', { name: '取消预约' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('确定取消这个预约吗？').waitFor();
    await screenshot(page, 'appointment-kiosk-mine-cancel');
    await dialog.getByRole('button', { name: '保留预约' }).click();
    expect(await mine.getByRole('listitem').count()).toBe(1);
    await mine.getByRole('button', { name: '取消预约' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '取消预约' }).click();
    await expect.poll(() => mine.innerText()).toContain('已取消');
    expect(await mine.getByRole('listitem').count()).toBe(0);
    const [row] = await kiosk.app.store.query<{ state: string }>("SELECT state FROM appointments WHERE source = 'kiosk' ORDER BY created_at DESC LIMIT 1");
    expect(row!.state).toBe('cancelled');
    await sim('idReader', 'card', undefined, 'DELETE');
    await page.close();
  });

  it('opens the rating of a served ticket when its QR is scanned on home; unserved, foreign and bad scans get plain messages', async () => {
    // Kiosk pages of the tests above, back home by their countdown, would hear these scans too.
    for (const context of browser.contexts()) for (const old of context.pages()) await old.close();
    const page = await openPage(browser, kiosk.url);
    await expect.poll(() => page.getByRole('button', { name: '取号', exact: true }).isVisible()).toBe(true);
    // Home: noise from the reader, then another system's code: a plain message in place of the greeting.
    expect((await sim('qrReader', 'raw', { hex: '0001020d' })).status).toBe(200);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/\S/);
    expect((await scan('weixin://wxpay/bizpayurl?pr=abc')).status).toBe(200);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('不是本大厅');
    // A ticket not served yet opens 好差评, which says it cannot be rated yet.
    const waiting = await printedTicket(false);
    await scan(waiting.qr);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(`${waiting.number} 号还没有办理完成`);
    expect(await page.getByRole('button', { name: '非常满意' }).count()).toBe(0);
    // On the 好差评 screen, a served ticket's QR opens its rating.
    const served = await printedTicket(true);
    await scan(served.qr);
    await expect.poll(() => page.getByRole('button', { name: '非常满意' }).isVisible()).toBe(true);
    expect(await page.getByText(served.number).first().isVisible()).toBe(true);
    await screenshot(page, 'rating-by-qr');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await expect.poll(() => page.getByText('感谢').first().isVisible()).toBe(true);
    // Home again: the same ticket scanned once more is already rated.
    await page.getByRole('button', { name: '首页' }).click();
    await scan(served.qr);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('已经评价过了');
  });
});
