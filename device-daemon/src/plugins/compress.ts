import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Brotli or gzip for the answers that are text: JSON (the category list, the phone page's polls) and the UI's
 * pages. The built UI assets carry their own `.br`/`.gz` made at build time (vite.config.ts), so @fastify/static
 * sends those and nothing is compressed twice (an answer with Content-Encoding is left alone). Streams of events
 * (text/event-stream) and media (audio/wav, PDFs, images) are not compressed: events must not wait in a
 * compressor's buffer, and media is compressed already or too cheap to matter on the hall's network.
 */
const COMPRESSIBLE = /^(?:application\/json|text\/html|text\/css|text\/plain|(?:application|text)\/javascript|image\/svg\+xml)\b/;

async function compress(app: FastifyInstance) {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE });
}

export default fp(compress, { name: 'compress' });
