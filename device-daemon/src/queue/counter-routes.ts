import type { FastifyInstance } from 'fastify';
import { errorSchema } from './schemas';
import { callSchema, counterParams, counterViewSchema, numberBody, recentQuery, transferBody } from './counter-schemas';
import { counterGuard } from './counter-auth';
import type { CounterAction } from './counter-rules';

type P = { Params: { counter: string } };
const n = (req: { params: { counter: string } }) => Number(req.params.counter);
const viewReply = { 200: { type: 'object', properties: { counter: counterViewSchema } }, '4xx': errorSchema, '5xx': errorSchema };

/**
 * Thin routes of the counters (窗口). Reading is open (numbers only, no personal data); every action needs the
 * counter's staff token (counter-auth.ts).
 */
export default async function counterRoutes(app: FastifyInstance) {
  const guard = counterGuard(app.config.counters);
  // onRequest: the token is checked before the body is validated, so an unauthenticated caller learns no schema.
  const action = { onRequest: guard, schema: { params: counterParams, response: viewReply } };

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

  app.post<P>('/api/counters/:counter/call-next', action, async (req) => ({ counter: await app.counters.callNext(n(req)) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/call', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.callNumber(n(req), req.body.number) }));

  const onCurrent: Exclude<CounterAction, 'transfer'>[] = ['recall', 'start', 'done', 'no-show', 'hold'];
  for (const name of onCurrent) {
    app.post<P>(`/api/counters/:counter/${name}`, action, async (req) => ({ counter: await app.counters.onCurrent(n(req), name) }));
  }

  app.post<P & { Body: { categoryId: string } }>('/api/counters/:counter/transfer', { ...action, schema: { ...action.schema, body: transferBody } },
    async (req) => ({ counter: await app.counters.transfer(n(req), req.body.categoryId) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/resume', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.resume(n(req), req.body.number) }));

  app.post<P>('/api/counters/:counter/pause', action, async (req) => ({ counter: await app.counters.setPaused(n(req), true) }));
  app.post<P>('/api/counters/:counter/open', action, async (req) => ({ counter: await app.counters.setPaused(n(req), false) }));
}
