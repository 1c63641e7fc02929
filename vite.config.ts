import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; woff2, PNG and the like are compressed formats already. */
const TEXT = /\.(?:js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside each text asset of the build, once,
 * so the daemon sends them as they are (@fastify/static `preCompressed`) and spends no CPU per request on a
 * two-core kiosk.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kiosk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!TEXT.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < MIN_BYTES) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * One configuration for the UI build (Vite) and the test projects (Vitest):
 * - unit: pure code next to what it tests (codecs, services, store slices), in Node;
 * - integration: the daemon over HTTP, real pseudo-terminals (socat), SANE, PostgreSQL, crash tests;
 * - browser: the built kiosk in Chromium through playwright-core.
 */
export default defineConfig({
  root: 'kiosk-ui',
  // `@/` is the UI's own source root (`@/shared/kiosk`); `@daemon/*` stays type-only and is never resolved here.
  resolve: { alias: [{ find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, 'kiosk-ui/src/$1') }] },
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true }, '/m/': 'http://127.0.0.1:8080' } },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['device-daemon/**/*.test.ts', 'kiosk-ui/src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: '.',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
