import type { FastifyInstance } from 'fastify';
import { errorSchema } from './schemas';
import { callSchema, counterParams, counterViewSchema, numberBody, transferBody } from './counter-schemas';
import { counterGuard } from './counter-auth';
import type { CounterAction } from './counter-rules';

type P = { Params: { counter: number } };
const viewReply = { 200: { type: 'object', properties: { counter: counterViewSchema } }, '4xx': errorSchema, '5xx': errorSchema };

/**
 * Thin routes of the counters (窗口). Reading is open (numbers only, no personal data); every action needs the
 * counter's staff token (counter-auth.ts).
 */
export default async function counterRoutes(app: FastifyInstance) {
  const guard = counterGuard(app.config.counters);
  const action = { preHandler: guard, schema: { params: counterParams, response: viewReply } };

  app.get('/api/counters', {
    schema: { response: { 200: { type: 'object', properties: { counters: { type: 'array', items: counterViewSchema } } }, '5xx': errorSchema } },
  }, async () => ({ counters: await Promise.all(app.counters.counters().map((n) => app.counters.view(n))) }));

  app.get<P>('/api/counters/:counter', { schema: { params: counterParams, response: viewReply } },
    async (req) => ({ counter: await app.counters.view(req.params.counter) }));

  app.get<{ Querystring: { limit?: number } }>('/api/counters/calls/recent', {
    schema: {
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 50 } } },
      response: { 200: { type: 'object', properties: { calls: { type: 'array', items: callSchema } } }, '5xx': errorSchema },
    },
  }, async (req) => ({ calls: await app.counters.recentCalls(req.query.limit ?? 10) }));

  app.post<P>('/api/counters/:counter/call-next', action, async (req) => ({ counter: await app.counters.callNext(req.params.counter) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/call', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.callNumber(req.params.counter, req.body.number) }));

  const onCurrent: Exclude<CounterAction, 'transfer'>[] = ['recall', 'start', 'done', 'no-show', 'hold'];
  for (const name of onCurrent) {
    app.post<P>(`/api/counters/:counter/${name}`, action, async (req) => ({ counter: await app.counters.onCurrent(req.params.counter, name) }));
  }

  app.post<P & { Body: { categoryId: string } }>('/api/counters/:counter/transfer', { ...action, schema: { ...action.schema, body: transferBody } },
    async (req) => ({ counter: await app.counters.transfer(req.params.counter, req.body.categoryId) }));

  app.post<P & { Body: { number: string } }>('/api/counters/:counter/resume', { ...action, schema: { ...action.schema, body: numberBody } },
    async (req) => ({ counter: await app.counters.resume(req.params.counter, req.body.number) }));

  app.post<P>('/api/counters/:counter/pause', action, async (req) => ({ counter: await app.counters.setPaused(req.params.counter, true) }));
  app.post<P>('/api/counters/:counter/open', action, async (req) => ({ counter: await app.counters.setPaused(req.params.counter, false) }));
}
