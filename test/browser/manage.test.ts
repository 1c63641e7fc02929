import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';
import { servedTicket } from '../integration/rating-helpers';

const MANAGER_PIN = '135790';
let kiosk: KioskUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const pinHash = await hashPin(MANAGER_PIN);
  kiosk = await startKiosk({
    staff: [
      { id: 'S001', name: '李明', roles: ['window'], pinHash },
      { id: 'M001', name: '王芳', roles: ['manager'], pinHash },
    ],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

/** A served ticket rated 不满意 at the kiosk: its 差评工单 opens with the rating. */
async function badRating(reason: string): Promise<string> {
  const t = await servedTicket(kiosk.app, { staffId: 'S001', caseNumber: `BJ-${reason.length}-${Date.now()}` });
  const res = await kiosk.app.inject({ method: 'POST', url: '/api/evaluations', payload: { ticketId: t.id, level: 2, reasons: [reason], channel: 'kiosk' } });
  expect(res.statusCode).toBe(201);
  return t.number;
}

describe('the manager page /manage', () => {
  it('signs a manager in, lists 工单 with deadlines and 超期 marks, and works one through to 办结', async () => {
    const late = await badRating('等候时间过长');
    const number = await badRating('指引不清楚');
    // The first one's deadline has passed (as if opened weeks ago).
    await kiosk.app.store.execute("UPDATE workorders SET due_date = '2020-01-06' WHERE ticket_number = $1", [late]);

    page = await openPage(browser, `${kiosk.url}/manage`);
    await page.getByLabel('工号').fill('S001');
    await page.getByLabel('密码').fill(MANAGER_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '没有管理权限' }).waitFor({ timeout: 5000 });
    await page.getByLabel('工号').fill('M001');
    await page.getByLabel('密码').fill(MANAGER_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('tab', { name: '差评工单' }).waitFor({ timeout: 5000 });
    await page.getByText('王芳（M001）').waitFor();

    const lateRow = page.getByRole('row', { name: `工单 ${late}` });
    await lateRow.waitFor({ timeout: 5000 });
    await expect.poll(() => lateRow.innerText()).toContain('超期');
    const row = page.getByRole('row', { name: `工单 ${number}` });
    expect(await row.innerText()).not.toContain('超期');
    await page.getByRole('button', { name: '已超期' }).click();
    await expect.poll(() => page.getByRole('row', { name: /^工单 / }).count()).toBe(1);
    await page.getByRole('button', { name: '待办' }).click();

    await page.getByRole('row', { name: `工单 ${number}` }).click();
    const detail = page.getByRole('article', { name: `工单详情 ${number}` });
    await detail.waitFor();
    expect(await detail.innerText()).toContain('指引不清楚');
    await page.getByLabel('核实结果').fill('属实，导办指引未更新');
    await page.getByRole('button', { name: '记录核实' }).click();
    await page.getByLabel('整改措施').fill('更新导办指引');
    await page.getByRole('button', { name: '记录整改' }).click();
    // Anonymous 差评: 回复 or 办结 may follow 整改.
    await page.getByLabel('办结说明').or(page.getByLabel('回复内容')).first().waitFor();
    await page.getByRole('group', { name: '下一步' }).getByRole('button', { name: '办结' }).click();
    await page.getByLabel('办结说明').fill('已整改');
    await page.getByRole('button', { name: '记录办结' }).click();
    await expect.poll(() => page.getByRole('row', { name: `工单 ${number}` }).count(), { timeout: 5000 }).toBe(0);

    await page.getByRole('button', { name: '已办结' }).click();
    await page.getByRole('row', { name: `工单 ${number}` }).click();
    const closed = await page.getByRole('article', { name: `工单详情 ${number}` }).innerText();
    for (const text of ['属实，导办指引未更新', '更新导办指引', '已整改', '王芳（M001）']) expect(closed).toContain(text);
    await screenshot(page, 'manage-workorders');

    const [row0] = await kiosk.app.store.query<{ state: string; closed_by: string }>('SELECT state, closed_by FROM workorders WHERE ticket_number = $1', [number]);
    expect(row0).toMatchObject({ state: 'closed' });
    expect(JSON.parse(row0!.closed_by)).toEqual({ id: 'M001', name: '王芳' });
  });

  it('lets a 实名 rater leave a phone with consent on the phone page; the manager sees it masked, the store only sealed', async () => {
    const t = await servedTicket(kiosk.app, { staffId: 'S001' });
    await kiosk.app.store.execute('UPDATE tickets SET person_hash = $1 WHERE id = $2', ['keyed-hash-browser', t.id]);
    const res = await kiosk.app.inject({ method: 'POST', url: '/api/evaluations', payload: { ticketId: t.id, level: 1, reasons: ['多次跑动'], channel: 'qr' } });
    expect(res.json().evaluation.realName).toBe(true);

    const phone = await openPage(browser, `${kiosk.url}/m/t/${t.id}`, { width: 390, height: 844 });
    const form = phone.getByRole('form', { name: '留下联系电话' });
    await form.waitFor({ timeout: 10_000 });
    for (const digit of '13812341234') await form.getByRole('button', { name: digit, exact: true }).click();
    const submit = form.getByRole('button', { name: '提交号码' });
    expect(await submit.isDisabled()).toBe(true); // no consent yet
    await form.getByRole('checkbox').check();
    await submit.click();
    await phone.getByText('已留下联系电话 138****1234').waitFor({ timeout: 5000 });
    await screenshot(phone, 'manage-rater-phone');
    const stored = await kiosk.app.store.query('SELECT * FROM workorders WHERE ticket_id = $1', [t.id]);
    expect(JSON.stringify(stored)).not.toContain('13812341234');

    await page.reload();
    await page.getByRole('row', { name: `工单 ${t.number}` }).click();
    const detail = await page.getByRole('article', { name: `工单详情 ${t.number}` }).innerText();
    expect(detail).toContain('138****1234');
    expect(detail).not.toContain('13812341234');
  });

  it('shows the live hall and today\'s statistics as counted by hand: waiting, longest wait, a device fault, a help request taken and closed', async () => {
    const issued = await kiosk.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } });
    const today = (await kiosk.app.store.query<{ d: string }>('SELECT service_date AS d FROM tickets WHERE id = $1', [issued.json().ticket.id]))[0]!.d;
    const count = async (sql: string) => Number((await kiosk.app.store.query<{ n: number }>(sql, [today]))[0]!.n);
    const waitingA = await count("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tickets WHERE service_date = $1 AND category_id = 'A' AND state = 'issued'");
    const issuedToday = await count('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tickets WHERE service_date = $1');
    kiosk.app.events.publish('device.state', { device: 'printer', state: 'error', previous: 'idle', reason: '缺纸' });
    await kiosk.app.deviceFaults.flush();

    await page.getByRole('tab', { name: '实时大厅' }).click();
    const queue = page.getByRole('table', { name: '各类等候' });
    await queue.waitFor({ timeout: 5000 });
    const rowA = queue.getByRole('row').filter({ hasText: '社会民生' });
    await expect.poll(() => rowA.innerText(), { timeout: 5000 }).toMatch(new RegExp(`\\s${waitingA}\\s`));
    expect(await rowA.innerText()).toMatch(/已等 \d+ 分钟/);
    const faults = await page.getByRole('table', { name: '设备异常' }).innerText();
    expect(faults).toContain('票据打印机');
    expect(faults).toContain('缺纸');

    // A help request rings here on its event; the manager takes it and closes it.
    await kiosk.app.inject({ method: 'POST', url: '/api/help-requests', payload: { screen: 'home' } });
    const help = page.getByRole('region', { name: '帮办请求' });
    await help.getByRole('button', { name: '我来帮办' }).click({ timeout: 5000 });
    await help.getByText('王芳正在前往').waitFor({ timeout: 5000 });
    await help.getByRole('button', { name: '帮办完成' }).click();
    await help.getByText('没有待处理的帮办请求').waitFor({ timeout: 5000 });
    await screenshot(page, 'manage-live');

    await page.getByRole('tab', { name: '统计报表' }).click();
    await page.getByRole('button', { name: '今天' }).click();
    const cards = page.locator('.mg-cards');
    await expect.poll(() => cards.innerText(), { timeout: 5000 }).toMatch(new RegExp(`取号\\s+${issuedToday}\\b`));
    const devices = await page.getByRole('table', { name: '设备故障' }).innerText();
    expect(devices).toMatch(/票据打印机\s+1\s/);
  });
});
