import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hashPin } from '../../device-daemon/src/maintenance/pin';

/** The technician PIN of kiosks started here (so no PIN is generated and printed for each). */
export const BROWSER_TEST_PIN = '202611';
const pinHash = await hashPin(BROWSER_TEST_PIN);

const root = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(root, 'test-results');

export interface KioskUnderTest {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the daemon with the built UI on an ephemeral port of 127.0.0.1, data in a temp folder.
 * `config` is the JSON configuration (as in a KIOSK_CONFIG file); by default every device is simulated.
 */
export async function startKiosk(config: Record<string, unknown> = {}): Promise<KioskUnderTest> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-browser-'));
  const raw = {
    devices: {
      idReader: { driver: 'simulated' },
      printer: { driver: 'simulated' },
      keypad: { driver: 'simulated' },
      scanner: { driver: 'simulated' },
    },
    maintenance: { pinHash },
    ...config,
  };
  const app = buildApp({ config: parseConfig(raw, dataDir), uiDir: path.join(root, 'kiosk-ui/dist') }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed-network machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export async function openPage(browser: Browser, url: string, size = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Types `pin` on the on-screen number pad of the maintenance login and presses «确定». */
export async function typePin(page: Page, pin = BROWSER_TEST_PIN): Promise<void> {
  for (const digit of pin) await page.locator('.pad-key', { hasText: new RegExp(`^${digit}$`) }).click();
  await page.getByRole('button', { name: '确定', exact: true }).click();
}

/**
 * A window serves ticket `number` to the end (call, start, done) on the daemon itself: only a served visit can
 * be rated. Tries each counter until one serves the ticket's category; a counter still busy with another
 * ticket finishes that one first, as its staff would.
 */
export async function serveTicket(app: FastifyInstance, number: string): Promise<void> {
  for (const counter of app.counters.counters()) {
    try {
      const busy = (await app.counters.view(counter)).current?.state;
      if (busy === 'called') await app.counters.onCurrent(counter, 'start');
      if (busy === 'called' || busy === 'serving') await app.counters.onCurrent(counter, 'done');
      await app.counters.callNumber(counter, number);
    } catch {
      continue;
    }
    await app.counters.onCurrent(counter, 'start');
    await app.counters.onCurrent(counter, 'done');
    return;
  }
  throw new Error(`no counter could serve ${number}`);
}
