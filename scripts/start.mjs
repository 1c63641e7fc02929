#!/usr/bin/env node
// `npm start`: builds the kiosk UI and compiles the daemon (scripts/build-daemon.mjs) when their sources are
// newer than the builds, then runs the compiled daemon in this process, so signals reach it directly. The
// compiled daemon takes about 65 MiB less RSS than its sources through tsx (test/bench/README.md).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'kiosk-ui/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(root, 'kiosk-ui/src')), statSync(path.join(root, 'kiosk-ui/index.html')).mtimeMs);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  console.error('Building the kiosk UI…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const { buildDaemon, newestSource, DAEMON_BUNDLE } = await import('./build-daemon.mjs');
if (!existsSync(DAEMON_BUNDLE) || statSync(DAEMON_BUNDLE).mtimeMs < newestSource()) {
  console.error('Compiling the daemon…');
  await buildDaemon();
}
const { main } = await import(pathToFileURL(DAEMON_BUNDLE).href);
await main();
