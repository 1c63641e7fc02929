import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startKiosk, type KioskUnderTest } from './harness';

/** 材料扫描 in Chromium, scanned from the SANE test backend (the simulated scanner), receipt on the simulated printer. */
let kiosk: KioskUnderTest;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKiosk({ hall: { name: '潮安区政务服务中心' }, scan: { resolution: 100 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
});

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf'));

async function setFault(fault: string): Promise<void> {
  const r = await fetch(`${kiosk.url}/api/sim/scanner/fault`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fault }),
  });
  expect(r.status).toBe(200);
}

describe('材料扫描 in Chromium', () => {
  it('«材料扫描» -> «开始扫描» twice -> «完成» writes a PDF with the Chinese cover and both pages, and prints the receipt', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '材料扫描', exact: true }).click();
    await expect.poll(() => page.getByRole('timer').isVisible()).toBe(true);
    const scan = page.getByRole('button', { name: '开始扫描', exact: true });
    await scan.click();
    await expect.poll(() => page.getByRole('img', { name: /第1页/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    await scan.click();
    await expect.poll(() => page.getByRole('img', { name: /第2页/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByText('已扫 2 页').isVisible()).toBe(true);
    await screenshot(page, 'scan-two-pages');

    await page.getByRole('button', { name: '完成', exact: true }).click();
    // The 申领表 is required and was not scanned: named, and finishing asks first.
    const confirm = page.getByRole('button', { name: '确定完成', exact: true });
    await confirm.waitFor({ timeout: 5000 });
    expect(await page.locator('.scan-missing').innerText()).toContain('社会保障卡申领表');
    await confirm.click();
    const number = page.getByTestId('scan-number');
    await expect.poll(() => number.isVisible(), { timeout: 20_000 }).toBe(true);
    const submission = (await number.textContent())!.trim();
    expect(submission).toMatch(/^SM\d{8}-\d{4}$/);
    await expect.poll(() => page.getByText('请取走下方出口的回执').isVisible()).toBe(true);
    await screenshot(page, 'scan-done');

    const folder = path.join(kiosk.dataDir, 'scans');
    expect(pdfsIn(folder)).toEqual([`${submission}.pdf`]);
    const file = path.join(folder, `${submission}.pdf`);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(3); // cover + 2 scanned pages
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of ['材料扫描件', '社会保障卡申领', submission, '居民身份证', '第 2–3 页']) expect(text).toContain(words);

    const receipts = (await (await fetch(`${kiosk.url}/api/sim/printer/receipts`)).json()) as { receipts: { lines: string[]; qr: string[] }[] };
    expect(receipts.receipts.at(-1)!.qr).toContain(submission);
    await page.context().close();
  });

  it('a jam shows a plain message, keeps the scanned page, and the next scan works', async () => {
    const page = await openPage(browser, kiosk.url);
    await page.getByRole('button', { name: '材料扫描', exact: true }).click();
    const scan = page.getByRole('button', { name: '开始扫描', exact: true });
    await scan.click();
    await expect.poll(() => page.getByRole('img', { name: /第1页/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    await setFault('jammed');
    await scan.click();
    await expect.poll(() => page.getByText(/卡纸/).isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'scan-jammed');
    expect(await page.getByRole('img', { name: /第1页/ }).isVisible()).toBe(true);
    await setFault('none');
    await scan.click();
    await expect.poll(() => page.getByRole('img', { name: /第2页/ }).isVisible(), { timeout: 20_000 }).toBe(true);

    // Going home discards the open submission and its page images on the daemon, once the person confirms.
    await page.getByRole('button', { name: /首页/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确定离开' }).click();
    await expect.poll(() => readdirSync(path.join(kiosk.dataDir, 'scans', 'work')).length, { timeout: 10_000 }).toBe(0);
    await page.context().close();
  });
});
