import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, serveTicket, startKiosk, typePin, type KioskUnderTest } from './harness';
import { axeViolations } from './a11y';
import { brokenLabels, fullyInView, horizontalOverflow, navBoxes, overlappingButtons, smallButtons, type Box } from './ux-checks';
import { defaultCategories } from '../../device-daemon/src/queue/config';
import { tokenHash } from '../../device-daemon/src/core/guards';

/**
 * The UX tour: every screen of every flow at 1920x1080 landscape, 1080x1920 portrait and in 关爱模式, saved as
 * test-results/ux-<mode>-<screen>.png for a person to look at, with layout checks that can fail: nothing sticks
 * out sideways, touch targets of at least 60 px, «返回» / «首页» / countdown in one place on every inner page,
 * short Chinese labels never broken across lines, no buttons on top of each other, and no serious or critical
 * axe-core violation on any screen (issue 11 #12).
 */
const MODES = [
  { name: 'landscape', size: { width: 1920, height: 1080 }, elder: false },
  { name: 'portrait', size: { width: 1080, height: 1920 }, elder: false },
  { name: 'elder', size: { width: 1920, height: 1080 }, elder: true },
  { name: 'elder-portrait', size: { width: 1080, height: 1920 }, elder: true },
] as const;
type Mode = (typeof MODES)[number];
/** Labels that must never break across lines: tile names, categories, levels, reasons, matters, nav. */
const LABELS = '.home-tile-label, .category-name, .ev-level-name, .ev-reason, .nav-button, .primary-button, .secondary-button, .pad-key, .mnt-tab, .countdown';

let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk({
    hall: { name: '潮安区政务服务中心' },
    ui: { attractAfterSeconds: 10 },
    queue: { categories: defaultCategories.map((c) => ({ ...c, windows: [1, 2], ...(c.id === 'D' ? { realName: 'required' } : {}) })) },
    counters: { tokens: [1, 2].map((counter) => ({ counter, sha256: tokenHash(`staff-token-${counter}`) })) },
    scan: { resolution: 100 },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await fetch(`${kiosk.url}/api/sim/idReader/card`, { method: 'DELETE' }).catch(() => undefined);
  await browser?.close();
  await kiosk?.close();
});

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${kiosk.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json() as Promise<any>;
}
const issue = (categoryId: string) => api('POST', '/api/queue/tickets', { categoryId, delivery: 'screen' }).then((r) => r.ticket as { id: string; number: string });
const staff = (n: number) => ({ authorization: `Bearer staff-token-${n}` });

/** The page of one mode, kept across its flows; the nav boxes of its first inner page are the reference. */
const pages = new Map<string, Page>();
const reference = new Map<string, Record<string, Box | null>>();
const homeSizes = new Map<string, number[]>();

async function kioskPage(mode: Mode): Promise<Page> {
  let page = pages.get(mode.name);
  if (!page) {
    page = await openPage(browser, kiosk.url, mode.size);
    pages.set(mode.name, page);
  }
  return page;
}

/** Home, with 关爱模式 as the mode wants it. */
async function home(page: Page, mode: Mode): Promise<void> {
  const homeButton = page.locator('.inner-nav').getByRole('button', { name: /首页/ });
  if (await homeButton.isVisible()) await homeButton.click();
  await page.getByRole('button', { name: '取号', exact: true }).waitFor();
  const care = page.getByRole('switch', { name: '关爱模式' });
  if ((await care.getAttribute('aria-checked')) !== String(mode.elder)) await care.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(mode.elder);
}

/** The main action of a screen shows without scrolling, in every mode. */
async function inView(page: Page, mode: Mode, screen: string, name: string): Promise<void> {
  expect(await fullyInView(page.getByRole('button', { name, exact: true })), `${mode.name} ${screen}: «${name}» needs scrolling`).toBe(true);
}

/** Screenshot plus the layout checks every kiosk screen must pass. */
async function look(page: Page, mode: Mode, screen: string, opts: { inner?: boolean; minButton?: number } = {}): Promise<void> {
  await page.waitForTimeout(250); // let transitions and images settle before the picture
  await screenshot(page, `ux-${mode.name}-${screen}`);
  expect(await horizontalOverflow(page), `${mode.name} ${screen}: sideways overflow`).toEqual([]);
  expect(await smallButtons(page, opts.minButton ?? 60), `${mode.name} ${screen}: small touch targets`).toEqual([]);
  expect(await brokenLabels(page, LABELS), `${mode.name} ${screen}: broken labels`).toEqual([]);
  expect(await overlappingButtons(page), `${mode.name} ${screen}: overlapping buttons`).toEqual([]);
  expect.soft(await axeViolations(page), `${mode.name} ${screen}: accessibility`).toEqual([]);
  if (opts.inner === false) return;
  const boxes = await navBoxes(page);
  for (const [k, b] of Object.entries(boxes)) expect(b, `${mode.name} ${screen}: ${k} missing`).not.toBeNull();
  const ref = reference.get(mode.name);
  if (!ref) return void reference.set(mode.name, boxes);
  for (const k of ['back', 'home', 'timer'] as const) {
    const [a, b] = [ref[k]!, boxes[k]!];
    const moved = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width), Math.abs(a.height - b.height));
    expect(moved, `${mode.name} ${screen}: ${k} moved from ${JSON.stringify(a)} to ${JSON.stringify(b)}`).toBeLessThan(2);
  }
}

describe.each(MODES)('UX tour, $name', (mode) => {
  it('home and the attract screen', async () => {
    const page = await kioskPage(mode);
    await home(page, mode);
    await look(page, mode, 'home', { inner: false });
    // 关爱模式 is visibly larger: the tiles' names and the greeting at least a quarter larger than without it.
    const sizes = await page.evaluate(() =>
      ['.home-tile-label', '.home-greeting', '.care-switch'].map((sel) => document.querySelector(sel)!.getBoundingClientRect().height),
    );
    homeSizes.set(mode.name, sizes);
    const plain = homeSizes.get(mode.name.replace(/^elder-?/, '') || 'landscape');
    if (mode.elder) sizes.forEach((h, i) => expect(h, `${mode.name}: home text ${i} not larger`).toBeGreaterThanOrEqual(plain![i]! * 1.25));
    const attract = page.getByRole('button', { name: '请触摸屏幕开始' });
    await attract.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await screenshot(page, `ux-${mode.name}-attract`);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect.soft(await axeViolations(page), `${mode.name} attract: accessibility`).toEqual([]);
    await attract.click();
    await expect.poll(() => attract.count()).toBe(0);
  });

  it('取号: categories, printing, ticket, paper out, real-name step', async () => {
    const page = await kioskPage(mode);
    await home(page, mode);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('button', { name: '社会民生' }).waitFor();
    await look(page, mode, 'queue-categories');

    // Hold the ticket request so the printing screen can be seen.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/queue/tickets', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: '社会民生' }).click();
    await page.getByText('正在出号，请稍候…').waitFor();
    await look(page, mode, 'queue-printing');
    release();
    await page.getByTestId('ticket-number').waitFor();
    await page.unroute('**/api/queue/tickets');
    await look(page, mode, 'queue-ticket');
    await inView(page, mode, 'queue-ticket', '完成');

    await api('POST', '/api/sim/printer/state', { paper: 'out' });
    await home(page, mode);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('button', { name: '注册登记' }).click();
    await page.getByText('凭条打印机暂时无法打印').waitFor();
    await look(page, mode, 'queue-paper-out');
    await page.getByRole('button', { name: '屏幕显示号码' }).click();
    await page.getByText('请记住您的号码').waitFor();
    await look(page, mode, 'queue-ticket-on-screen');
    await api('POST', '/api/sim/printer/state', { paper: 'ok' });

    await home(page, mode);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByRole('button', { name: '投资建设' }).click();
    await page.getByText('请将身份证放在感应区').waitFor();
    await look(page, mode, 'queue-identity');
    await api('POST', '/api/sim/idReader/card', { profile: 'resident-elder' });
    await page.getByRole('button', { name: /绿色通道取号/ }).waitFor({ timeout: 10_000 });
    await look(page, mode, 'queue-identity-read');
    await page.getByRole('button', { name: '普通取号' }).click();
    const number = (await page.getByTestId('ticket-number').textContent({ timeout: 10_000 }))!.trim();
    await api('DELETE', '/api/sim/idReader/card');
    // One open ticket per person and category: pass this one, so the next mode's person may take another.
    await api('POST', '/api/counters/1/call', { number }, staff(1));
    await api('POST', '/api/counters/1/no-show', {}, staff(1));
  });

  it('好差评: find, five levels, reasons, thanks', async () => {
    const page = await kioskPage(mode);
    const ticket = await issue('A');
    await serveTicket(kiosk.app, ticket.number); // only a served visit is rated
    await home(page, mode);
    await page.getByRole('button', { name: '好差评', exact: true }).click();
    for (const key of ticket.number) await page.getByRole('button', { name: key, exact: true }).click();
    await look(page, mode, 'evaluation-find');
    await inView(page, mode, 'evaluation-find', '查找');
    for (const key of ['A', '0', '9']) await inView(page, mode, 'evaluation-find', key);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('button', { name: '非常不满意', exact: true }).waitFor();
    await look(page, mode, 'evaluation-levels');
    for (const level of ['非常满意', '非常不满意']) await inView(page, mode, 'evaluation-levels', level);
    await page.getByRole('button', { name: '非常不满意', exact: true }).click();
    await page.getByRole('button', { name: '多次跑动', exact: true }).click();
    await look(page, mode, 'evaluation-reasons');
    await inView(page, mode, 'evaluation-reasons', '提交评价');
    await page.getByRole('button', { name: '提交评价', exact: true }).click();
    await page.getByText('感谢您的评价！').waitFor();
    await look(page, mode, 'evaluation-thanks');
    await inView(page, mode, 'evaluation-thanks', '完成');
  });

  it('材料扫描: matters, scanned pages, done', async () => {
    const page = await kioskPage(mode);
    await home(page, mode);
    await page.getByRole('button', { name: '材料扫描', exact: true }).click();
    const scan = page.getByRole('button', { name: '开始扫描', exact: true });
    await scan.waitFor();
    await look(page, mode, 'scan-matters');
    await scan.click();
    await page.getByRole('img', { name: /第1页/ }).waitFor({ timeout: 20_000 });
    await scan.click();
    await page.getByRole('img', { name: /第2页/ }).waitFor({ timeout: 20_000 });
    await look(page, mode, 'scan-pages');
    for (const name of ['开始扫描', '完成', '重扫第1页']) await inView(page, mode, 'scan-pages', name);
    await page.getByRole('button', { name: '完成', exact: true }).click();
    // The 申领表 was not scanned: the kiosk names it and asks before finishing.
    await look(page, mode, 'scan-missing');
    await page.getByRole('button', { name: '确定完成', exact: true }).click();
    await page.getByTestId('scan-number').waitFor({ timeout: 20_000 });
    await look(page, mode, 'scan-done');
    await inView(page, mode, 'scan-done', '完成');
  });

  it('maintenance: PIN and device grid', async () => {
    const page = await kioskPage(mode);
    await home(page, mode);
    const corner = page.getByTestId('corner-gesture');
    for (let i = 0; i < 5; i++) await corner.click();
    await page.getByText('请输入维护 PIN').waitFor({ timeout: 10_000 }); // the maintenance screens are a lazy chunk
    await look(page, mode, 'maintenance-pin');
    await inView(page, mode, 'maintenance-pin', '确定');
    await typePin(page);
    await page.getByTestId('device-printer').waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByTestId('state-printer').innerText(), { timeout: 10_000 }).toBe('正常');
    await look(page, mode, 'maintenance-devices');
    await page.getByRole('button', { name: '退出维护' }).click();
    await page.getByRole('button', { name: '取号', exact: true }).waitFor();
    await page.context().close();
    pages.delete(mode.name);
  });
});

describe('UX tour, hall display, counter and phone pages', () => {
  it('the hall display with calls, landscape and portrait: waiting chips one line each, nothing clipped', async () => {
    for (const c of ['A', 'A', 'B', 'C', 'E', 'F']) await issue(c);
    await api('POST', '/api/counters/1/call-next', {}, staff(1));
    await api('POST', '/api/counters/2/call-next', {}, staff(2));
    await api('POST', '/api/counters/2/recall', {}, staff(2));
    for (const mode of MODES.filter((m) => !m.elder)) {
      const page = await openPage(browser, `${kiosk.url}/display`, mode.size);
      await page.getByTestId('current-call').waitFor({ timeout: 5000 });
      await page.locator('.hd-recent li').nth(1).waitFor();
      await page.waitForTimeout(2200); // the flash animation ends
      await screenshot(page, `ux-${mode.name}-display`);
      expect(await horizontalOverflow(page)).toEqual([]);
      expect.soft(await axeViolations(page), `${mode.name} display: accessibility`).toEqual([]);
      expect(await brokenLabels(page, '.hd-waiting-name, .hd-waiting-count, .hd-current-text, .hd-recent li span, .hd-hall', 14)).toEqual([]);
      expect(await page.locator('.hd-waiting-card').count()).toBe(defaultCategories.length);
      await page.context().close();
    }
  });

  it('the counter page /counter/1: sign-in and a called number', async () => {
    const page = await openPage(browser, `${kiosk.url}/counter/1`);
    await page.getByLabel('窗口口令').waitFor();
    await screenshot(page, 'ux-counter-signin');
    expect(await horizontalOverflow(page)).toEqual([]);
    expect.soft(await axeViolations(page), 'counter sign-in: accessibility').toEqual([]);
    await page.getByLabel('窗口口令').fill('staff-token-1');
    await page.getByRole('button', { name: '进入' }).click();
    await page.getByRole('button', { name: '叫下一位' }).waitFor();
    await page.getByRole('button', { name: '过号' }).click();
    await page.getByRole('button', { name: '叫下一位' }).click();
    await page.getByTestId('counter-current').waitFor();
    await screenshot(page, 'ux-counter-called');
    expect(await horizontalOverflow(page)).toEqual([]);
    expect.soft(await axeViolations(page), 'counter called: accessibility').toEqual([]);
    expect(await smallButtons(page, 44)).toEqual([]);
    expect(await overlappingButtons(page)).toEqual([]);
    await page.context().close();
  });

  it('the phone page /m/t/<id> at 390x844: state, five levels, reasons', async () => {
    const ticket = await issue('B');
    await serveTicket(kiosk.app, ticket.number); // the rating is offered once the service is done
    const page = await openPage(browser, `${kiosk.url}/m/t/${ticket.id}`, { width: 390, height: 844 });
    await page.getByTestId('mobile-number').waitFor();
    await page.getByRole('button', { name: '不满意', exact: true }).waitFor();
    await screenshot(page, 'ux-phone-ticket');
    const check = async (what: string) => {
      expect(await horizontalOverflow(page), what).toEqual([]);
      expect(await smallButtons(page, 44), what).toEqual([]);
      expect(await brokenLabels(page, '.ev-level-name, .ev-reason, .m-number, .primary-button, .secondary-button'), what).toEqual([]);
      expect.soft(await axeViolations(page), `${what}: accessibility`).toEqual([]);
    };
    await check('phone ticket');
    await page.getByRole('button', { name: '不满意', exact: true }).click();
    await page.getByRole('button', { name: '提交评价', exact: true }).waitFor();
    await screenshot(page, 'ux-phone-reasons');
    await check('phone reasons');
    await page.context().close();
  });
});
