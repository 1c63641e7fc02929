#!/usr/bin/env node
// Compiles the daemon's TypeScript into one ES module, dist/daemon/server.mjs, which `npm start` and the systemd
// unit run with plain node. Running the sources through tsx costs about 90 MiB of RSS (the tsx loader, and every
// module kept transformed with its inline source map); the compiled file does not (test/bench/README.md).
// Packages stay in node_modules (native ones cannot be bundled, and some resolve files beside themselves).
// Tests and `npm run doctor` keep running the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DAEMON_ENTRY = path.join(root, 'device-daemon/src/server.ts');
export const DAEMON_BUNDLE = path.join(root, 'dist/daemon/server.mjs');
/**
 * Node's flags for the daemon (the systemd unit and `npm start` pass them): V8's young generation at 1 MiB per
 * semi-space instead of 16 keeps about 25 MiB less committed heap; the daemon's requests are small, so the
 * more frequent scavenges cost little (test/bench/README.md). `--expose-gc`: the daemon collects the young
 * generation when an ID card leaves the reader, so that no collection falls inside the next card's read
 * (device-daemon/src/core/young-collection.ts).
 */
export const DAEMON_NODE_FLAGS = ['--max-semi-space-size=1', '--expose-gc'];

/**
 * Sources find files relative to themselves (`new URL('../../../package.json', import.meta.url)`), at their
 * own depth in the tree: each module's `import.meta.url` is rewritten to the URL its source file has, so
 * those paths mean in the bundle what they mean in the sources.
 */
const ownUrl = (outfile) => ({
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const relative = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
    });
  },
});

/** The daemon's entry: runs `main` when the bundle is run itself (systemd), exports it for scripts/start.mjs. */
const DAEMON_STDIN = {
  contents: `import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './device-daemon/src/server.ts';
export { main };
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
`,
  resolveDir: root,
  sourcefile: 'daemon-entry.ts',
  loader: 'ts',
};

/**
 * Bundles the daemon into `outfile`, or another entry (a bench's daemon process); the output must live inside
 * the repository, where its packages resolve.
 */
export async function buildDaemon({ entry, outfile = DAEMON_BUNDLE } = {}) {
  const { build } = await import('esbuild');
  await build({
    ...(entry ? { entryPoints: [entry] } : { stdin: DAEMON_STDIN }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // No source map: stack traces name lines of the bundle, which is not minified, and RSS stays low.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [ownUrl(outfile)],
  });
  return outfile;
}

/** Newest modification time of the daemon's TypeScript sources (`npm start` rebuilds when they are newer). */
export function newestSource(dir = path.join(root, 'device-daemon/src')) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newestSource(p));
    else if (entry.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const out = await buildDaemon();
  console.error(`daemon compiled: ${path.relative(root, out)}`);
}
