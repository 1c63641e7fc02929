import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { launchBrowser, openPage, startKiosk, type KioskUnderTest } from './harness';

const MANAGER_PIN = '135790';
let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk({
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }, { id: 'B', name: '注册登记', windows: [3] }] },
    staff: [{ id: 'M001', name: '王芳', roles: ['manager'], pinHash: await hashPin(MANAGER_PIN) }],
  });
  browser = await launchBrowser();
  // Yesterday's served tickets, before anything asks for an estimate: the model's history (services of 4 to 16 minutes).
  const yesterday = serviceDate(new Date(Date.now() - 86_400_000), kiosk.app.config.hall.timezone);
  const start = Date.now() - 86_400_000 - 8 * 3600_000;
  for (let i = 0; i < 20; i++) {
    const at = (m: number) => new Date(start + i * 600_000 + m * 60_000).toISOString();
    await kiosk.app.store.execute(
      `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, recalls, issued_at, called_at, serving_at, done_at)
       VALUES ($1, $2, 'A', $3, $4, 'done', 0, 'screen', 0, 0, $5, $6, $6, $7)`,
      [`y${i}`, `A${100 + i}`, yesterday, 100 + i, at(0), at(1), at(1 + 4 + ((i * 7) % 13))],
    );
  }
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${kiosk.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'A', delivery: 'screen' }) });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

describe('the wait estimate on the kiosk', () => {
  it('the categories screen shows the wait as a range («约 30–45 分钟»), not a single figure', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    const waiting = page.locator('#category-more-A .category-waiting');
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toMatch(/^等候 8 人 · 约 \d+–\d+ 分钟$/);
    const [low, high] = (await waiting.textContent())!.match(/(\d+)–(\d+)/)!.slice(1).map(Number);
    // Eight ahead at two windows of about 11 minutes each: around three quarters of an hour.
    expect(low).toBeGreaterThanOrEqual(20);
    expect(high).toBeLessThanOrEqual(70);
    await page.context().close();
  });
});

describe('推演 on the manager page', () => {
  it('replays yesterday as configured, then with windows 1 and 2 closed: 社会民生 has nobody to serve it', async () => {
    const page = await openPage(browser, `${kiosk.url}/manage`);
    await page.getByLabel('工号').fill('M001');
    await page.getByLabel('密码').fill(MANAGER_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('tab', { name: '推演' }).click();
    // The plan starts from the configuration: window 3 serves 注册登记 only.
    await page.getByLabel('3 号窗口办理注册登记').waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('3 号窗口办理注册登记').isChecked()).toBe(true);
    expect(await page.getByLabel('3 号窗口办理社会民生').isChecked()).toBe(false);

    await page.getByRole('button', { name: '开始推演' }).click();
    const result = page.getByRole('table', { name: '推演结果' });
    const rowA = result.getByRole('row').filter({ hasText: 'A 社会民生' });
    await rowA.waitFor({ timeout: 15_000 });
    // Yesterday's 20 tickets, replayed as configured: the same plan before and after.
    const cells = async () => (await rowA.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    const [, tickets, , before, after] = await cells();
    expect(tickets).toBe('20');
    expect(before).toMatch(/^\d+ 分钟 \/ \d+ 分钟$/);
    expect(after).toBe(before);

    await page.getByLabel('1 号窗口开放').uncheck();
    await page.getByLabel('2 号窗口开放').uncheck();
    expect(await page.getByLabel('1 号窗口办理社会民生').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '开始推演' }).click();
    await expect.poll(async () => (await cells())[4], { timeout: 15_000 }).toBe('无窗口办理 / 无窗口办理（20 人无窗口办理）');
    await page.context().close();
  });
});
