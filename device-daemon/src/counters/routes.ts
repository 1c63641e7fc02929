import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorSchema } from '../core/schemas';
import { callsReply, counterParams, countersReply, numberBody, recentQuery, tokenStatusReply, transferBody, viewReply } from './schemas';
import { counterGuard } from '../core/guards';
import type { CounterAction } from './rules';

const n = (req: { params: { counter: string } }) => Number(req.params.counter);

/**
 * Thin routes of the counters (窗口). Reading is open (numbers only, no personal data); every action needs the
 * counter's staff token (`counterGuard` in core/guards.ts).
 */
export default async function counterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const guard = counterGuard(app.config.counters);
  // onRequest: the token is checked before the body is validated, so an unauthenticated caller learns no schema.
  const action = { onRequest: guard, schema: { params: counterParams, response: viewReply } };
  const withBody = <B>(body: B) => ({ ...action, schema: { ...action.schema, body } });

  app.get('/api/counters', {
    schema: { response: { 200: countersReply, '5xx': errorSchema } },
  }, async () => ({ counters: await Promise.all(app.counters.counters().map((n) => app.counters.view(n))) }));

  app.get('/api/counters/:counter', { schema: { params: counterParams, response: viewReply } },
    async (req) => ({ counter: await app.counters.view(n(req)) }));

  // Whether the counter has a staff token at all, so its page says «尚未设置口令» at once instead of asking for one.
  app.get('/api/counters/:counter/token', {
    schema: { params: counterParams, response: { 200: tokenStatusReply, '4xx': errorSchema } },
  }, async (req) => {
    await app.counters.view(n(req)); // an unknown counter is 404 COUNTER_NOT_FOUND, as everywhere
    return { configured: app.config.counters.tokens.some((t) => t.counter === n(req)) };
  });

  app.get('/api/counters/calls/recent', {
    schema: { querystring: recentQuery, response: { 200: callsReply, '5xx': errorSchema } },
  }, async (req) => ({ calls: await app.counters.recentCalls(Number(req.query.limit ?? 10)) }));

  app.post('/api/counters/:counter/call-next', action, async (req) => ({ counter: await app.counters.callNext(n(req)) }));

  app.post('/api/counters/:counter/call', withBody(numberBody),
    async (req) => ({ counter: await app.counters.callNumber(n(req), req.body.number) }));

  const onCurrent: Exclude<CounterAction, 'transfer'>[] = ['recall', 'start', 'done', 'no-show', 'hold'];
  for (const name of onCurrent) {
    app.post(`/api/counters/:counter/${name}`, action, async (req) => ({ counter: await app.counters.onCurrent(n(req), name) }));
  }

  app.post('/api/counters/:counter/transfer', withBody(transferBody),
    async (req) => ({ counter: await app.counters.transfer(n(req), req.body.categoryId) }));

  app.post('/api/counters/:counter/resume', withBody(numberBody),
    async (req) => ({ counter: await app.counters.resume(n(req), req.body.number) }));

  app.post('/api/counters/:counter/pause', action, async (req) => ({ counter: await app.counters.setPaused(n(req), true) }));
  app.post('/api/counters/:counter/open', action, async (req) => ({ counter: await app.counters.setPaused(n(req), false) }));
}
