import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { errorSchema } from '../core/schemas';
import { MatterCatalogue } from './catalogue';
import { loadCatalogueFile } from './file';
import { checkMatterCategories } from './categories';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hall's 事项 catalogue (windows, scanning, ratings, the integration API). */
    matters: MatterCatalogue;
  }
}

const matterSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, name: { type: 'string' }, department: { type: ['string', 'null'] }, categoryId: { type: ['string', 'null'] } },
} as const;

/**
 * `app.matters` and `GET /api/matters?categoryId=` (open: the catalogue is public). When `matters` names the hall's
 * exported file it is read here, once: a bad file fails start-up with a ConfigError naming its row and column.
 */
export default fp(
  async function mattersPlugin(app: FastifyInstance) {
    const source = app.config.matters;
    const entries = typeof source === 'string' ? await loadCatalogueFile(source) : source;
    if (entries) checkMatterCategories(entries, app.config.queue.categories.map((c) => c.id), typeof source === 'string' ? source : undefined);
    app.decorate('matters', new MatterCatalogue(entries, app.config.scan.matters));
    if (typeof source === 'string') app.log.info({ file: source, matters: entries!.length }, 'matters: catalogue file read');
    app.get<{ Querystring: { categoryId?: string } }>('/api/matters', {
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { categoryId: { type: 'string', pattern: '^[A-Z]$' } } },
        response: { 200: { type: 'object', properties: { matters: { type: 'array', items: matterSchema } } }, '4xx': errorSchema },
      },
    }, async (req) => ({ matters: app.matters.list(req.query.categoryId) }));
  },
  { name: 'matters', dependencies: ['config'] },
);
