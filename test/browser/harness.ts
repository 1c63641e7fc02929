import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import type { Voice } from '../../device-daemon/src/hall/voice';

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
export async function startKiosk(config: Record<string, unknown> = {}, extra: { voice?: Voice } = {}): Promise<KioskUnderTest> {
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
  const app = buildApp({ config: parseConfig(raw, dataDir), uiDir: path.join(root, 'kiosk-ui/dist'), voice: extra.voice }, { logger: false });
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
/**
 * Features of Playwright's own `--disable-features` list (playwright-core's chromiumSwitches). Chromium reads one
 * `--disable-features` switch, the last, so ours repeats these before adding its own.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
];
/**
 * The browser's own omnibox pop-up, a WebUI page that Chromium preloads in a renderer of its own for each new window:
 * with a new context per cold visit, about 200 chrome:// requests and 1.2-1.4 s of that renderer's CPU fell inside
 * every visit's first second (CDP trace, 2 December 2026), on a 2-core machine. The kiosk has no omnibox
 * (deploy/browser/kiosk-browser.sh disables the same).
 */
export const NO_OMNIBOX_WEBUI = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

export async function launchBrowser(): Promise<Browser> {
  const omnibox = process.env.KIOSK_BROWSER_OMNIBOX === '1' ? [] : NO_OMNIBOX_WEBUI;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...omnibox].join(',')}`,
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

/**
 * A page at `url`. The kiosk page (`/`) is drawn from prerendered HTML before its script runs, so its buttons show
 * before React and the event stream are live: it is returned once the stream's first message has arrived, so a
 * device event a test causes next (a scan, a card) is heard.
 */
export async function openPage(browser: Browser, url: string, size = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const kioskPage = new URL(url).pathname === '/';
  const live = kioskPage ? page.waitForEvent('websocket', { timeout: 30_000 }).then((ws) => ws.waitForEvent('framereceived', { timeout: 30_000 })) : undefined;
  await page.goto(url);
  await live;
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
 * Serves a waiting ticket in-process at a free window of its category (call, start, 办结): only a served visit
 * can be rated. With `finish` the 办件 is recorded too.
 */
export async function serveTicket(app: FastifyInstance, number: string, finish: { matterCode?: string; caseNumber?: string } = {}): Promise<void> {
  const ticket = await app.queue.findByNumber(number);
  const windows = app.config.queue.categories.find((c) => c.id === ticket.categoryId)!.windows;
  const free = [];
  for (const w of windows) if (!(await app.counters.view(w)).current) free.push(w);
  const counter = free[0] ?? windows[0]!;
  // Every window busy with a ticket an earlier step left there: pass (过号) or finish it first.
  const left = (await app.counters.view(counter)).current;
  if (left?.state === 'called') await app.counters.onCurrent(counter, 'no-show');
  if (left?.state === 'serving') await app.counters.finish(counter, null, { source: 'counter' });
  await app.counters.callNumber(counter, number);
  await app.counters.onCurrent(counter, 'start');
  await app.counters.finish(counter, null, { ...finish, source: 'counter' });
}
