import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorSchema } from './schemas';
import { callSchema, counterParams, counterViewSchema, doneBody, numberBody, recentQuery, serviceCaseSchema, transferBody } from './counter-schemas';
import type { CounterAction } from './counter-rules';

type P = { Params: { counter: string } };
const n = (req: { params: { counter: string } }) => Number(req.params.counter);
const viewReply = { 200: { type: 'object', properties: { counter: counterViewSchema } }, '4xx': errorSchema, '5xx': errorSchema };

/**
 * Thin routes of the counters (窗口). Reading is open (numbers only, no personal data); every action needs a
 * signed-in staff member's token or the window's own token (counter-auth.ts), and is credited to that person
 * (with the window's token: to whoever is on duty there, if anyone).
 */
export default async function counterRoutes(app: FastifyInstance) {
  const action = { preHandler: app.counterGuard, schema: { params: counterParams, response: viewReply } };
  const by = async (req: FastifyRequest<P>): Promise<string | null> =>
    req.counterActor?.kind === 'staff' ? req.counterActor.staffId : app.duty.onDutyAt(n(req));

  app.get('/api/counters', {
    schema: { response: { 200: { type: 'object', properties: { counters: { type: 'array', items: counterViewSchema } } }, '5xx': errorSchema } },
  }, async () => ({ counters: await Promise.all(app.counters.counters().map((n) => app.counters.view(n))) }));

  app.get<P>('/api/counters/:counter', { schema: { params: counterParams, response: viewReply } },
    async (req) => ({ counter: await app.counters.view(n(req)) }));

  app.get<{ Querystring: { limit?: string } }>('/api/counters/calls/recent', {
    schema: {
      querystring: recentQuery,
      response: { 200: { type: 'object', properties: { calls: { type: 'array', items: callSchema } } }, '5xx': errorSchema },
    },
  }, async (req) => ({ calls: await app.counters.recentCalls(Number(req.query.limit ?? 10)) }));

  app.post<P>('/api/counters/:counter/call-next', action, async (req) => ({ counter: await app.counters.callNext(n(req), await by(req)) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/call', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.callNumber(n(req), req.body.number, await by(req)) }));

  const onCurrent: Exclude<CounterAction, 'transfer' | 'done'>[] = ['recall', 'start', 'no-show', 'hold'];
  for (const name of onCurrent) {
    app.post<P>(`/api/counters/:counter/${name}`, action, async (req) => ({ counter: await app.counters.onCurrent(n(req), name, await by(req)) }));
  }

  // 办结, with the 事项 and the 办件编号 when the clerk picked or scanned them (the body is optional).
  app.post<P & { Body: { matterCode?: string; caseNumber?: string } | undefined }>('/api/counters/:counter/done', {
    preHandler: app.counterGuard,
    schema: {
      params: counterParams,
      body: doneBody,
      response: { 200: { type: 'object', properties: { counter: counterViewSchema, service: serviceCaseSchema } }, '4xx': errorSchema, '5xx': errorSchema },
    },
  }, async (req) => app.counters.finish(n(req), await by(req), { ...req.body, source: 'counter' }));

  app.post<P & { Body: { categoryId: string } }>('/api/counters/:counter/transfer', { ...action, schema: { ...action.schema, body: transferBody } },
    async (req) => ({ counter: await app.counters.transfer(n(req), req.body.categoryId, await by(req)) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/resume', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.resume(n(req), req.body.number, await by(req)) }));

  app.post<P>('/api/counters/:counter/pause', action, async (req) => ({ counter: await app.counters.setPaused(n(req), true, await by(req)) }));
  app.post<P>('/api/counters/:counter/open', action, async (req) => ({ counter: await app.counters.setPaused(n(req), false, await by(req)) }));
}
