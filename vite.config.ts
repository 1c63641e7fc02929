import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vite-precompress';

/**
 * One configuration for the UI build (Vite) and the test projects (Vitest):
 * - unit: pure code next to what it tests (codecs, services, store slices), in Node;
 * - integration: the daemon over HTTP, real pseudo-terminals (socat), SANE, PostgreSQL, crash tests;
 * - browser: the built kiosk in Chromium through playwright-core.
 */
export default defineConfig({
  root: 'kiosk-ui',
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
