import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';
import { axeViolations } from './a11y';
import { fullyInView, horizontalOverflow, overlappingButtons, smallButtons } from './ux-checks';
import { HUKOU_MIGRATION } from '../support/matters';

/** Issue 13, 一次性告知 in Chromium: the guide found by pinyin initials at the kiosk, printed, and read on a phone. */
let kiosk: KioskUnderTest;
let browser: Browser;
const MATTER = HUKOU_MIGRATION;
const OTHER = { code: 'SB-KA-001', name: '社会保障卡申领', department: '人社局', categoryId: 'A', materials: [{ id: 'id-card', name: '居民身份证' }] };

beforeAll(async () => {
  kiosk = await startKiosk({
    hall: { name: '潮安区政务服务中心', publicBaseUrl: 'https://zwfw.example.gov.cn' },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }] },
    matters: [OTHER, MATTER],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

type Receipt = { lines: string[]; qr: string[] };
/** A touch screen's basics: nothing sideways, no small or overlapping buttons, no accessibility violations. */
async function touchChecks(page: Page, what: string): Promise<void> {
  expect(await horizontalOverflow(page), `${what}: sideways overflow`).toEqual([]);
  expect(await smallButtons(page, 60), `${what}: small touch targets`).toEqual([]);
  expect(await overlappingButtons(page), `${what}: overlapping buttons`).toEqual([]);
  expect(await axeViolations(page), `${what}: accessibility`).toEqual([]);
}

const receipts = async () => ((await (await fetch(`${kiosk.url}/api/sim/printer/receipts`)).json()) as { receipts: Receipt[] }).receipts;

describe('办事指南 (一次性告知)', () => {
  it('«办事指南» → HKQY on the letter keys → the guide in full → «打印一次性告知单» prints every material with a QR to the phone page', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '办事指南', exact: true }).click();
    await page.getByRole('button', { name: /社会保障卡申领/ }).waitFor({ timeout: 5000 });
    for (const k of 'HKQY') await page.getByRole('button', { name: k, exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: /社会保障卡申领/ }).count()).toBe(0);
    await screenshot(page, 'guides-search');
    await touchChecks(page, 'search');
    await page.getByRole('button', { name: /户口迁移登记/ }).click();

    const items = page.getByTestId('guide-material');
    await expect.poll(() => items.count()).toBe(4);
    const shown = (await items.allInnerTexts()).join('\n');
    for (const words of ['居民身份证', '原件及复印件 1 份', '居民户口簿', '原件', '准予迁入证明', '可容缺', '近期免冠照片', '非必需']) expect(shown).toContain(words);
    const body = await page.locator('.guide').innerText();
    for (const words of ['受理条件', '本市户籍居民', '5个工作日', '不收费', '一楼综合窗口', '1号窗口、2号窗口', '0768-1234567']) expect(body).toContain(words);

    const before = (await receipts()).length;
    await page.getByRole('button', { name: '打印一次性告知单' }).click();
    await page.getByText('已打印，请取走下方出口的一次性告知单').waitFor({ timeout: 10_000 });
    await screenshot(page, 'guides-detail');
    await touchChecks(page, 'guide');
    const all = await receipts();
    expect(all.length).toBe(before + 1);
    const leaflet = all.at(-1)!;
    const text = leaflet.lines.join('\n');
    expect(text).toContain('一次性告知单');
    for (const m of MATTER.materials) expect(text).toContain(m.name);
    expect(leaflet.qr).toContain('https://zwfw.example.gov.cn/m/g/HJ-QY-001');
    await page.context().close();
  });

  it('portrait, 关爱模式: a printer out of paper says so at the kiosk, and the guide stays on screen', async () => {
    const state = (paper: string) =>
      fetch(`${kiosk.url}/api/sim/printer/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paper }) });
    expect((await state('out')).status).toBe(200);
    try {
      const page = await openPage(browser, kiosk.url, { width: 1080, height: 1920 });
      await page.getByRole('switch', { name: '关爱模式' }).click();
      // Five tiles and the larger type: the 关爱模式 row and «呼叫帮办» stay on screen.
      await page.waitForTimeout(300);
      await screenshot(page, 'home-portrait-elder');
      expect(await fullyInView(page.getByRole('switch', { name: '关爱模式' }))).toBe(true);
      expect(await fullyInView(page.getByRole('button', { name: '呼叫帮办' }))).toBe(true);
      await page.getByRole('button', { name: '办事指南', exact: true }).click();
      await page.getByRole('tab', { name: '按事项名称' }).click();
      await page.getByRole('button', { name: /户口迁移登记/ }).waitFor({ timeout: 5000 });
      await screenshot(page, 'guides-search-portrait-elder');
      await touchChecks(page, 'portrait elder search');
      await page.getByRole('button', { name: /户口迁移登记/ }).click();
      await page.getByRole('button', { name: '打印一次性告知单' }).click();
      await page.getByRole('alert').filter({ hasText: '告知单未能打印' }).waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('guide-material').count()).toBe(4);
      await page.context().close();
    } finally {
      await state('ok');
    }
  });

  it('the phone page /m/g/<code> shows the same guide; an unknown code says so', async () => {
    const phone = await openPage(browser, `${kiosk.url}/m/g/HJ-QY-001`, { width: 390, height: 844 });
    const items = phone.getByTestId('guide-material');
    await expect.poll(() => items.count(), { timeout: 5000 }).toBe(4);
    const text = await phone.locator('.m-page').innerText();
    for (const words of [...MATTER.materials.map((m) => m.name), '潮安区政务服务中心', '0768-1234567', '5个工作日']) expect(text).toContain(words);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(phone, 'mobile-guide');
    expect(await axeViolations(phone), 'phone: accessibility').toEqual([]);
    await phone.goto(`${kiosk.url}/m/g/NOPE-1`);
    await phone.getByRole('alert').filter({ hasText: '没有找到这个事项' }).waitFor({ timeout: 5000 });
    await phone.context().close();
  });
});
