import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed file names (`index-Bdz43dM1.js`) never change content: a year, immutable. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: always revalidated, so a new build is seen at the next load. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built kiosk UI from the daemon's own origin (no mixed content, no cross-origin socket).
 * Unknown non-API paths get index.html so screens can be deep-linked (/display, /m/...). The build writes a
 * brotli and a gzip copy beside each text asset; `preCompressed` sends the one the browser accepts.
 */
export default async function uiPlugin(app: FastifyInstance, opts: { uiDir: string }) {
  const root = path.resolve(opts.uiDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ uiDir: root }, 'UI not built: run `npm run build` (npm start does it for you)');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    // `/` itself is the route below (a directory index would look only for index.html.br once compressed).
    // Files outside assets/ (index.html, fonts/) keep their names across builds: revalidate them.
    setHeaders: (reply, file) => reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE),
  });
  app.get('/assets/*', (req, reply) => reply.sendFile(`assets/${(req.params as { '*': string })['*']}`));
  // index.html carries the kiosk's home already drawn (kiosk-ui/src/app/prerender.tsx); every other page (the
  // hall display, a counter, a phone page) gets page.html, the same file with an empty root, so none of them
  // shows the kiosk's home while its own code loads. A build without page.html has no prerendered home either.
  const page = existsSync(path.join(root, 'page.html')) ? 'page.html' : 'index.html';
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    const pathname = req.url.split('?')[0];
    return reply.sendFile(pathname === '/' || pathname === '/index.html' ? 'index.html' : page);
  });
}
