import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { launchBrowser, openPage, startKiosk, type KioskUnderTest } from './harness';

let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk({ queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }, { id: 'B', name: '注册登记', windows: [3] }] } });
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
