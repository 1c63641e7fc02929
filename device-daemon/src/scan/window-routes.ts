import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { errorResponses as errors, strictObject } from '../core/schemas';
import { idParam, submissionParams, submissionSchema } from './schemas';
import type { WindowDesk } from './window';

type Id = Static<typeof submissionParams>;
const linkBody = strictObject({ ticketId: idParam });
const findQuery = strictObject({
  ticketId: Type.Optional(idParam),
  number: Type.Optional(Type.String({ pattern: '^[Ss][Mm][0-9]{8}-[0-9]{4}$' })),
});
const reviewBody = strictObject({
  received: Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,32}$' }), { maxItems: 20 }),
  requested: Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,32}$' }), { maxItems: 20 }),
});
const windowSubmission = {
  ...submissionSchema,
  properties: {
    ...submissionSchema.properties,
    ticketId: { type: ['string', 'null'] },
    missing: { type: 'array', items: { type: 'string' } },
    review: {
      type: 'object',
      properties: { received: { type: 'array', items: { type: 'string' } }, requested: { type: 'array', items: { type: 'string' } } },
    },
  },
} as const;
const opening = {
  type: 'object',
  properties: { staffId: { type: ['string', 'null'] }, counter: { type: ['integer', 'null'] }, via: { type: 'string' }, openedAt: { type: 'string' } },
} as const;

/**
 * Materials to the window. Linking a submission to a ticket is the kiosk's (the person's own session or their SM
 * number); everything else is for signed-in staff only (`app.staffGuard` at onRequest: no byte before the check).
 */
export default async function scanWindowRoutes(app: FastifyInstance, opts: { desk: WindowDesk }) {
  const { desk } = opts;
  const staff = { onRequest: app.staffGuard };
  const actor = (req: { staffActor?: { staffId: string | null; counter: number | null; via: string } }) =>
    req.staffActor ?? { staffId: null, counter: null, via: 'unknown' };

  app.put<{ Params: Id; Body: Static<typeof linkBody> }>('/api/scan/submissions/:id/ticket', {
    schema: { params: submissionParams, body: linkBody, response: { 204: { type: 'null' }, ...errors } },
  }, async (req, reply) => {
    await desk.link(req.params.id, req.body.ticketId);
    return reply.status(204).send();
  });

  app.get<{ Querystring: Static<typeof findQuery> }>('/api/scan/window/submissions', {
    ...staff,
    schema: { querystring: findQuery, response: { 200: { type: 'object', properties: { submissions: { type: 'array', items: windowSubmission } } }, ...errors } },
  }, async (req) => ({ submissions: await desk.find(req.query) }));

  app.get<{ Params: Id }>('/api/scan/submissions/:id/pdf', { ...staff, schema: { params: submissionParams } }, async (req, reply) => {
    const pdf = await desk.openPdf(req.params.id, actor(req));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${pdf.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf.stream);
  });

  app.get<{ Params: Id }>('/api/scan/submissions/:id/openings', {
    ...staff,
    schema: { params: submissionParams, response: { 200: { type: 'object', properties: { openings: { type: 'array', items: opening } } }, ...errors } },
  }, async (req) => ({ openings: await desk.openings(req.params.id) }));

  app.put<{ Params: Id; Body: Static<typeof reviewBody> }>('/api/scan/submissions/:id/review', {
    ...staff,
    schema: { params: submissionParams, body: reviewBody, response: { 200: { type: 'object', properties: { submission: windowSubmission } }, ...errors } },
  }, async (req) => ({ submission: await desk.review(req.params.id, req.body) }));
}
