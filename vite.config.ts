import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createServer, type Plugin } from 'vite';
import { buildHomeFace } from './kiosk-ui/fonts/home-face.js';

// `@/` is the UI's own source root (`@/shared/kiosk`); `@daemon/*` stays type-only and is never resolved here.
const alias = [{ find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, 'kiosk-ui/src/$1') }];

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
function precompress(outDir: string): void {
  for (const file of files(outDir)) {
    if (!TEXT.test(file)) continue;
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

const ROOT_DIV = '<div id="root"></div>';
const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
/** index.html's preloads of the full kiosk font (~520 KB a weight): home preloads its own small face instead. */
const FONT_PRELOAD = /\s*<link rel="preload" as="font" type="font\/woff2" href="[^"]*noto-sans-sc-\d+-[^"]*" crossorigin \/>/g;

/**
 * The end of the prerendered home, after the stylesheet has loaded (a classic script waits for it). Two things:
 * - Home stays undrawn (`html.fonts-wait`, styles.css) until home's own face of the kiosk font is ready (a few KB,
 *   kiosk-ui/fonts/home-face.ts), at most FONT_WAIT_MS: laid out in the system's CJK fallback first, home's one
 *   layout took 0.5-0.85 s at 4x CPU (the fallback font file is opened and read), against 30 ms in the kiosk's
 *   own font, preloaded and arriving meanwhile.
 * - The kiosk's entry script starts once home is on screen instead of as soon as it has arrived: evaluating
 *   React takes longer than drawing home (and, started between a frame's paint and its presentation, held
 *   that frame back by 0.6 s at 4x), and home drawn from the HTML is usable already (a tap is kept, see
 *   index.html's head). It is fetched meanwhile (modulepreload). A hidden page draws no frame: started at once.
 */
const FONT_WAIT_MS = 1200;
const afterHome = (src: string) => `<script>
      (function () {
        var shown = false;
        var started = false;
        function start() {
          if (started) return;
          started = true;
          var s = document.createElement('script');
          s.type = 'module';
          s.crossOrigin = '';
          s.src = ${JSON.stringify(src)};
          document.head.appendChild(s);
        }
        function show() {
          if (shown) return;
          shown = true;
          document.documentElement.classList.remove('fonts-wait');
          // Home's tile label on screen (Element Timing, reported once the frame is presented): start now.
          if (document.visibilityState === 'hidden' || !window.PerformanceObserver) return start();
          new PerformanceObserver(start).observe({ type: 'element', buffered: true });
          setTimeout(start, 1000);
        }
        setTimeout(show, ${FONT_WAIT_MS});
        // Home's own faces (the ones with a unicode-range, kiosk-ui/fonts/home-face.ts): a few KB, not the full font.
        var faces = [];
        document.fonts.forEach(function (f) {
          if (f.family.indexOf('Kiosk Noto Sans SC') >= 0 && f.unicodeRange !== 'U+0-10FFFF') faces.push(f.load());
        });
        Promise.all(faces).then(show, show);
      })();
    </script>`;

/**
 * Home's HTML into `index.html` (issue 11 #14): the kiosk's first screen is drawn from it before any script has
 * run, and `main.tsx` hydrates it. `app/prerender.tsx` renders the shell with the store's defaults through Vite's
 * SSR loader (the same aliases and JSX as the page). The full pages (display, counter, phone) get `page.html`,
 * the same file with an empty root, so none of them shows the kiosk's home while its own code loads.
 */
async function prerenderHome(root: string, outDir: string): Promise<void> {
  const index = path.join(outDir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const entry = html.match(ENTRY);
  if (!html.includes(ROOT_DIV) || !entry) throw new Error(`prerender: ${ROOT_DIV} or the entry script not found in ${index}`);
  writeFileSync(path.join(outDir, 'page.html'), html);
  const server = await createServer({
    configFile: false,
    root,
    resolve: { alias },
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { renderHome } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as { renderHome: () => string };
    const { homeTiles } = (await server.ssrLoadModule('/src/app/screens.ts')) as { homeTiles: { label: string; hint: string }[] };
    const body = renderHome();
    // Home's text and every tile's (a tile whose device is fitted appears once the daemon has answered).
    const face = await buildHomeFace(body + homeTiles.map((t) => `<i>${t.label}</i><i>${t.hint}</i>`).join(''), path.join(outDir, 'assets'));
    const preloads = face.urls.map((url) => `\n    <link rel="preload" as="font" type="font/woff2" href="${url}" crossorigin />`).join('');
    let seen = 0;
    const home = html
      .replace(entry[0], `<link rel="modulepreload" crossorigin href="${entry[1]}">`)
      .replace('<html lang="zh-CN">', '<html lang="zh-CN" class="fonts-wait">')
      .replace(FONT_PRELOAD, () => (seen++ === 0 ? preloads : ''))
      .replace('</head>', `  <style>\n${face.css}\n    </style>\n  </head>`)
      .replace(ROOT_DIV, `<div id="root">${body}</div>\n    ${afterHome(entry[1]!)}`);
    if (home.includes('noto-sans-sc-400') || !home.includes('unicode-range')) throw new Error('prerender: the font preloads of index.html were not replaced');
    writeFileSync(index, home);
  } finally {
    await server.close();
  }
}

/** After the bundle is written: home's HTML first, then the compressed copies of everything (that HTML included). */
function postBuild(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'kiosk-post-build',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await prerenderHome(root, outDir);
      precompress(outDir);
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
  resolve: { alias },
  plugins: [react(), postBuild()],
  // No modulepreload polyfill: the kiosk runs Chromium, which preloads modules itself (saves 0.2 KB of home's script).
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800, modulePreload: { polyfill: false } },
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
