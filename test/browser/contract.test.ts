/**
 * docs/INTERFACE.md, "The kiosk screen": home's buttons, and on EVERY inner screen of every flow «返回», «首页» and a
 * countdown (role timer) that returns home and forgets what was entered; the ticket number as text; «关爱模式»;
 * scanning to a PDF under the data folder; the five rating buttons. The screens wait in parallel pages, so the
 * twelve countdowns cost one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveTicket, startKiosk, typePin, type KioskUnderTest } from './harness';

const TIMEOUT_S = 10; // the smallest ui.pageTimeoutSeconds the configuration accepts
let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk({
    hall: { name: '契约测试大厅' },
    ui: { pageTimeoutSeconds: TIMEOUT_S },
    queue: {
      categories: [
        { id: 'A', name: '社会民生', realName: 'off' },
        { id: 'B', name: '注册登记', realName: 'optional' },
      ],
    },
    scan: { resolution: 100 },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

async function api(method: string, url: string, body?: unknown): Promise<any> {
  const r = await fetch(`${kiosk.url}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, `${method} ${url}`).toBeLessThan(300);
  return r.status === 204 ? undefined : r.json();
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const visible = (page: Page, name: string | RegExp, timeout = 10_000) => expect.poll(() => button(page, name).first().isVisible(), { timeout }).toBe(true);
const text = (page: Page, words: string | RegExp, timeout = 10_000) => expect.poll(() => page.getByText(words).first().isVisible(), { timeout }).toBe(true);

async function home(): Promise<Page> {
  const page = await openPage(browser, kiosk.url);
  page.setDefaultTimeout(20_000); // a step that cannot happen fails with its name instead of hanging the test
  await visible(page, '取号', 15_000);
  return page;
}

/** Home, with no inner page left: the three tiles and no countdown. */
async function expectHome(page: Page, timeout: number): Promise<void> {
  await expect.poll(async () => (await button(page, '取号').isVisible()) && (await page.getByRole('timer').count()) === 0, { timeout }).toBe(true);
}

async function expectInner(page: Page, screen: string): Promise<void> {
  for (const name of ['返回', '首页']) expect(await button(page, name).isVisible(), `${screen}: «${name}»`).toBe(true);
  const timer = page.getByRole('timer');
  expect(await timer.isVisible(), `${screen}: countdown`).toBe(true);
  // It counts the seconds of ui.pageTimeoutSeconds.
  const left = Number(/\d+/.exec((await timer.textContent({ timeout: 1000 })) ?? '')?.[0]);
  expect(left, `${screen}: seconds left`).toBeGreaterThan(0);
  expect(left, `${screen}: seconds left`).toBeLessThanOrEqual(TIMEOUT_S);
  expect(await button(page, '取号').count(), `${screen}: home tiles gone`).toBe(0);
}

async function typeNumber(page: Page, number: string): Promise<void> {
  for (const key of number) await button(page, key).click();
}

async function issueScreenTicket(categoryId = 'A'): Promise<{ id: string; number: string }> {
  return (await api('POST', '/api/queue/tickets', { categoryId, delivery: 'screen' })).ticket;
}

async function toRate(page: Page): Promise<string> {
  const t = await issueScreenTicket();
  await serveTicket(kiosk.app, t.number); // only a served visit is rated
  await button(page, '好差评').click();
  await typeNumber(page, t.number);
  await button(page, '查找').click();
  await visible(page, '非常满意');
  return t.number;
}

async function toScanWithPage(page: Page): Promise<void> {
  await button(page, '材料扫描').click();
  await button(page, '开始扫描').click();
  await expect.poll(() => page.getByRole('img', { name: /第1页/ }).isVisible(), { timeout: 30_000 }).toBe(true);
}

async function toMaintenanceLogin(page: Page): Promise<void> {
  const corner = page.getByTestId('corner-gesture');
  for (let i = 0; i < 5; i += 1) await corner.click();
  await text(page, '请输入维护 PIN');
}

/** Every inner screen of every flow, reached from home the way a person (or a technician) reaches it. */
const SCREENS: Record<string, (page: Page) => Promise<void>> = {
  'queue.categories': async (page) => {
    await button(page, '取号').click();
    await visible(page, '社会民生');
  },
  'queue.identity': async (page) => {
    await button(page, '取号').click();
    await button(page, '注册登记').click();
    await text(page, '请将身份证放在感应区');
  },
  'queue.ticket': async (page) => {
    await button(page, '取号').click();
    await button(page, '社会民生').click();
    await page.getByTestId('ticket-number').waitFor();
  },
  'evaluation.find': async (page) => {
    await button(page, '好差评').click();
    await visible(page, '查找');
    await typeNumber(page, 'A0'); // half a number, to be forgotten
  },
  'evaluation.rate': async (page) => void (await toRate(page)),
  'evaluation.reasons': async (page) => {
    await toRate(page);
    await button(page, '不满意').click();
    await text(page, '请告诉我们原因');
  },
  'evaluation.thanks': async (page) => {
    await toRate(page);
    await button(page, '满意').click();
    await text(page, '评价完成');
  },
  'scan.matters': async (page) => toScanWithPage(page),
  'scan.done': async (page) => {
    await toScanWithPage(page);
    await button(page, '完成').click();
    // Required materials left unscanned are named first; the person confirms (容缺) and the receipt lists them.
    const confirm = button(page, '确定完成');
    const done = page.getByTestId('scan-number');
    await Promise.race([confirm.waitFor({ timeout: 30_000 }), done.waitFor({ timeout: 30_000 })]);
    if (await confirm.isVisible()) await confirm.click();
    await done.waitFor({ timeout: 30_000 });
  },
  'maintenance.login': async (page) => toMaintenanceLogin(page),
  'maintenance.panel': async (page) => {
    await toMaintenanceLogin(page);
    await typePin(page);
    await page.getByTestId('device-printer').waitFor();
    expect(await page.evaluate(() => fetch('/api/maintenance/devices').then((r) => r.status))).toBe(200);
  },
};

describe('the kiosk screen (docs/INTERFACE.md)', () => {
  it('home shows large buttons «取号», «好差评», «材料扫描»', async () => {
    const page = await home();
    for (const name of ['取号', '好差评', '材料扫描']) {
      const box = await button(page, name).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.height, `${name} is large`).toBeGreaterThanOrEqual(120);
    }
    await page.context().close();
  });

  it('every inner screen shows «返回», «首页» and a countdown that returns home at zero', async () => {
    const pages = await Promise.all(Object.keys(SCREENS).map(() => home()));
    const names = Object.keys(SCREENS);
    // Reached one after another (they share the simulated devices), then all left alone together.
    for (const [i, name] of names.entries()) {
      try {
        await SCREENS[name]!(pages[i]!);
      } catch (err) {
        throw new Error(`reaching ${name}: ${(err as Error).message}`, { cause: err });
      }
      await expectInner(pages[i]!, name);
    }
    await Promise.all(names.map(async (name, i) => {
      await expectHome(pages[i]!, (TIMEOUT_S + 8) * 1000).catch(() => {
        throw new Error(`${name} did not return home within ${TIMEOUT_S + 8} s`);
      });
    }));
    // What was entered is forgotten: the half-typed ticket number is not there when 好差评 opens again.
    const find = pages[names.indexOf('evaluation.find')]!;
    await button(find, '好差评').click();
    await visible(find, '查找');
    expect((await find.locator('output.number-pad-display').textContent())?.trim() ?? '').toBe('');
    // The scanned pages were discarded: 材料扫描 starts empty.
    const scan = pages[names.indexOf('scan.matters')]!;
    await button(scan, '材料扫描').click();
    await visible(scan, '开始扫描');
    await scan.waitForTimeout(500);
    expect(await scan.getByRole('img', { name: /第1页/ }).count()).toBe(0);
    // The technician's session ended on the daemon too: its cookie opens nothing any more.
    const panel = pages[names.indexOf('maintenance.panel')]!;
    await expect.poll(() => panel.evaluate(() => fetch('/api/maintenance/devices').then((r) => r.status)), { timeout: 5000 }).toBe(401);
    await Promise.all(pages.map((p) => p.context().close()));
  }, 150_000);

  it('a printer that cannot print shows an inner page with «返回», «首页» and a countdown too', async () => {
    await api('POST', '/api/sim/printer/state', { paper: 'out' });
    const page = await home();
    try {
      await button(page, '取号').click();
      await button(page, '社会民生').click();
      await text(page, '凭条打印机暂时无法打印');
      await expectInner(page, 'queue.issue (printer trouble)');
      await expectHome(page, (TIMEOUT_S + 8) * 1000);
    } finally {
      await api('POST', '/api/sim/printer/state', { paper: 'ok' });
      await page.context().close();
    }
  });

  it('the countdown forgets the person\'s ID card: the identity session ends', async () => {
    const page = await home();
    try {
      await button(page, '取号').click();
      await button(page, '注册登记').click();
      await text(page, '请将身份证放在感应区');
      await api('POST', '/api/sim/idReader/card', { profile: 'resident-elder' }); // 绿色通道 offer: the screen waits
      await text(page, '欧**娜');
      expect((await api('GET', '/api/identity/session')).session).not.toBeNull();
      await expectHome(page, (TIMEOUT_S + 8) * 1000);
      await expect.poll(async () => (await api('GET', '/api/identity/session')).session, { timeout: 5000 }).toBeNull();
      expect(await page.content()).not.toContain('欧**娜');
    } finally {
      await api('DELETE', '/api/sim/idReader/card');
      await page.context().close();
    }
  });

  it('the ticket screen shows the number as text', async () => {
    const page = await home();
    await SCREENS['queue.ticket']!(page);
    const number = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(number).toMatch(/^A\d{3}$/);
    await expect.poll(() => page.getByText(number, { exact: true }).first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('«关爱模式» on the home screen enlarges text and turns on voice guidance', async () => {
    const page = await home();
    const voice: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/voice?')) voice.push(new URL(r.url()).searchParams.get('text') ?? '');
    });
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.inner-title, h1, body')!).fontSize));
    await button(page, '取号').click();
    await visible(page, '社会民生');
    const normal = await size();
    await page.waitForTimeout(500);
    expect(voice).toEqual([]); // no voice unless 关爱模式 is on
    await button(page, '首页').click();
    const care = page.getByRole('switch', { name: '关爱模式' });
    await care.click();
    expect(await care.getAttribute('aria-checked')).toBe('true');
    await button(page, '取号').click();
    await visible(page, '社会民生');
    expect(await size()).toBeGreaterThan(normal);
    await expect.poll(() => voice.some((v) => v.includes('请选择您要办理的业务类别')), { timeout: 5000 }).toBe(true);
    await page.context().close();
  });

  it('«材料扫描» has «开始扫描» and «完成»; the PDF is written under the data folder', async () => {
    const page = await home();
    await SCREENS['scan.done']!(page);
    const number = (await page.getByTestId('scan-number').textContent())!.trim();
    const files = readdirSync(kiosk.dataDir, { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith(`${number}.pdf`))).toBe(true);
    expect(files.filter((f) => f.endsWith('.pdf')).every((f) => !path.isAbsolute(f) && !f.startsWith('..'))).toBe(true);
    await page.context().close();
  });

  it('a device left out is not fitted, and the UI hides what needs it', async () => {
    const fitted = await home();
    await button(fitted, '好差评').click();
    await expect.poll(() => fitted.getByRole('region', { name: '刷身份证查找' }).count()).toBe(1); // shown when fitted
    await fitted.context().close();
    const bare = await startKiosk({ devices: { printer: { driver: 'simulated' } }, ui: { pageTimeoutSeconds: 60 } });
    try {
      const page = await openPage(browser, bare.url);
      await visible(page, '取号', 15_000);
      await visible(page, '好差评');
      expect(await button(page, '材料扫描').count()).toBe(0); // no scanner
      await button(page, '好差评').click();
      await visible(page, '查找');
      expect(await page.getByRole('region', { name: '刷身份证查找' }).count()).toBe(0); // no ID reader
      await page.context().close();
    } finally {
      await bare.close();
    }
  });

  it('«好差评» finds the service by ticket number and offers the five named buttons', async () => {
    const page = await home();
    await toRate(page);
    const names = await page.getByRole('group', { name: '请选择满意程度' }).getByRole('button').allTextContents();
    expect(names.length).toBe(5);
    for (const name of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(await button(page, name).count(), name).toBe(1);
    await page.context().close();
  });
});
