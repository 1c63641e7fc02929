/**
 * `npm run screenshots`: the README's pictures, made from the real kiosk on simulated devices (so they stay
 * current): home and 取号 at 1920x1080 and 1080x1920, and in 关爱模式. Writes docs/screenshots/*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, startKiosk } from './harness';

const out = path.resolve(import.meta.dirname, '../../docs/screenshots');
const SHOTS = [
  { name: 'landscape', size: { width: 1920, height: 1080 }, elder: false },
  { name: 'portrait', size: { width: 1080, height: 1920 }, elder: false },
  { name: 'elder', size: { width: 1920, height: 1080 }, elder: true },
] as const;

async function shoot(browser: Browser, url: string, shot: (typeof SHOTS)[number]): Promise<void> {
  const page = await openPage(browser, url, shot.size);
  await page.getByRole('button', { name: '取号', exact: true }).waitFor({ timeout: 15_000 });
  if (shot.elder) await page.getByRole('switch', { name: '关爱模式' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, `${shot.name}-home.png`) });
  await page.getByRole('button', { name: '取号', exact: true }).click();
  await page.locator('.category-card').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, `${shot.name}-categories.png`) });
  await page.context().close();
}

// Pictures of the current sources: build the UI first (KIOSK_SKIP_UI_BUILD=1 reuses a build already made).
const root = path.resolve(import.meta.dirname, '../..');
if (process.env.KIOSK_SKIP_UI_BUILD !== '1' || !existsSync(path.join(root, 'kiosk-ui/dist/index.html'))) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
mkdirSync(out, { recursive: true });
const kiosk = await startKiosk({ hall: { name: '潮安区政务服务中心' } });
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) await shoot(browser, kiosk.url, shot);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await kiosk.close();
}
