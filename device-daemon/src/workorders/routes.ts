import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../core/schemas';
import type { StepName, WorkorderFilter } from './types';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const stepBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The 核实 result, the 整改 taken, the 回复 given, or a closing note. */
    text: { type: 'string', maxLength: 1000 },
    /** Whom a 回复 answered (the named rater); required for a 实名 差评. */
    to: { type: 'string', maxLength: 60 },
  },
} as const;

/** The manager's 差评工单 routes, behind `app.manage.guard` (a manager's bearer token). */
export default async function workorderRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.manage.guard);

  app.get<{ Querystring: { filter?: WorkorderFilter } }>('/api/manage/workorders', {
    schema: {
      querystring: { type: 'object', additionalProperties: false, properties: { filter: { type: 'string', enum: ['open', 'overdue', 'closed', 'all'] } } },
      response: errorResponses,
    },
  }, async (request) => ({ today: app.workorders.today(), workorders: await app.workorders.list(request.query.filter ?? 'open') }));

  app.get<{ Params: { id: string } }>('/api/manage/workorders/:id', {
    schema: { params: idParams, response: errorResponses },
  }, async (request) => ({ workorder: await app.workorders.get(request.params.id) }));

  for (const step of ['verify', 'rectify', 'reply', 'close'] as const satisfies readonly StepName[]) {
    app.post<{ Params: { id: string }; Body: { text?: string; to?: string } | undefined }>(`/api/manage/workorders/:id/${step}`, {
      schema: { params: idParams, body: stepBody, response: errorResponses },
    }, async (request) => ({
      workorder: await app.workorders.step(request.params.id, step, request.manager!, request.body?.text, request.body?.to),
    }));
  }
}
