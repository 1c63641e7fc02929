import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound, unavailable } from '../core/errors';
import { localDateTime } from '../core/hall-time';
import { errorResponses as errors, strictObject } from '../core/schemas';
import { printWithFallback } from '../devices/printer';
import { guideSchema } from './schemas';
import type { Guide } from './types';
import { guidesOf } from './guides';
import { leaflet } from './leaflet';
import { search } from './search';

const codeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }) });

/**
 * 一次性告知 (`/api/guides`): the 办事指南 of every 事项 in the hall's one catalogue (`app.matters`), searched by name
 * or pinyin initials, read on the kiosk and the phone page (`/m/g/<code>`), printed as a 一次性告知单. Open routes:
 * a guide is public information.
 */
export default fp(
  async function guidesPlugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // Built at the first request, not at start: the pinyin initials need pinyin-pro's dictionary (search.ts).
    let built: Promise<{ guides: Guide[]; byCode: Map<string, Guide>; index: Map<string, string> }> | undefined;
    const catalogue = () =>
      (built ??= guidesOf(app.matters.entries()).then((guides) => ({
        guides,
        byCode: new Map(guides.map((g) => [g.code, g])),
        index: new Map(guides.map((g) => [g.code, g.initials])),
      })));
    const one = async (code: string) => {
      const g = (await catalogue()).byCode.get(code);
      if (!g) throw notFound('MATTER_NOT_FOUND', `没有事项 ${code}`);
      return g;
    };
    const base = app.config.hall.publicBaseUrl ?? 'http://127.0.0.1:8080';

    app.get('/api/guides', {
      schema: { querystring: strictObject({ q: Type.Optional(Type.String({ maxLength: 40 })) }), response: { 200: Type.Object({ guides: Type.Array(guideSchema) }), ...errors } },
    }, async (req) => {
      const { guides, index } = await catalogue();
      return { guides: search(guides, req.query.q ?? '', index) };
    });

    app.get('/api/guides/:code', { schema: { params: codeParams, response: { 200: Type.Object({ guide: guideSchema }), ...errors } } },
      async (req) => ({ guide: await one(req.params.code) }));

    app.post('/api/guides/:code/print', {
      schema: { params: codeParams, response: { 200: Type.Object({ printed: Type.Boolean() }), ...errors } },
    }, async (req) => {
      const guide = await one(req.params.code);
      const doc = leaflet(guide, {
        hallName: app.config.hall.name,
        url: `${base.replace(/\/$/, '')}/m/g/${encodeURIComponent(guide.code)}`,
        time: localDateTime(app.clock.now(), app.config.hall.timezone),
      });
      const outcome = await printWithFallback(app.devices.printer, doc);
      if (!outcome.printed) throw unavailable('PRINTER_NOT_READY', '告知单未能打印，请用手机扫码或拍照记下材料清单', { reason: outcome.error.reason ?? outcome.error.code });
      return { printed: true };
    });
  },
  { name: 'guides', dependencies: ['config', 'devices', 'matters'] },
);
