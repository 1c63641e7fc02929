import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Browser tests run against the built UI: build it once per run (KIOSK_SKIP_UI_BUILD=1 reuses an existing build).
 * The build is the kiosk's own, in production mode: Vitest sets NODE_ENV=test, under which Vite would bundle
 * React's development build (137 KB gzip instead of 76) and JSX's dev runtime, so the pages tested and timed
 * would not be the ones shipped. NODE_ENV is put back before the test workers start.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const dist = path.join(root, 'kiosk-ui/dist/index.html');
  if (process.env.KIOSK_SKIP_UI_BUILD !== '1' || !existsSync(dist)) {
    const { build } = await import('vite');
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  if (!existsSync(dist)) throw new Error('UI build produced no index.html');
}
