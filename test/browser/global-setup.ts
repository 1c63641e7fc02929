import { existsSync } from 'node:fs';
import path from 'node:path';

/** Browser tests run against the built UI: build it once per run (KIOSK_SKIP_UI_BUILD=1 reuses an existing build). */
export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const dist = path.join(root, 'kiosk-ui/dist/index.html');
  if (process.env.KIOSK_SKIP_UI_BUILD !== '1' || !existsSync(dist)) {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  if (!existsSync(dist)) throw new Error('UI build produced no index.html');
}
