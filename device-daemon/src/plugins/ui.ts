import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built kiosk UI from the daemon's own origin (no mixed content, no cross-origin socket).
 * Unknown non-API paths get index.html so screens can be deep-linked (/display, /m/...).
 */
export default async function uiPlugin(app: FastifyInstance, opts: { uiDir: string }) {
  const root = path.resolve(opts.uiDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ uiDir: root }, 'UI not built: run `npm run build` (npm start does it for you)');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html', cacheControl: false });
  app.get('/assets/*', (req, reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${(req.params as { '*': string })['*']}`));
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
