import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorSchema } from '../core/schemas';
import { callsReply, counterParams, countersReply, doneBody, doneReply, numberBody, recentQuery, tokenStatusReply, transferBody, viewReply } from './schemas';
import type { CounterAction } from './rules';

const n = (req: { params: { counter: string } }) => Number(req.params.counter);

/**
 * Thin routes of the counters (窗口). Reading is open (numbers only, no personal data); every action needs a
 * signed-in staff member's token or the window's own token (`counterGuard` in core/guards.ts, `app.counterGuard`),
 * and is credited to that person (with the window's token: to whoever is on duty there, if anyone).
 */
export default async function counterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // onRequest: the token is checked before the body is validated, so an unauthenticated caller learns no schema.
  const action = { onRequest: app.counterGuard, schema: { params: counterParams, response: viewReply } };
  const by = async (req: FastifyRequest): Promise<string | null> =>
    req.counterActor?.kind === 'staff' ? req.counterActor.staffId : app.duty.onDutyAt(n(req as unknown as { params: { counter: string } }));
  const withBody = <B>(body: B) => ({ ...action, schema: { ...action.schema, body } });

  app.get('/api/counters', {
    schema: { response: { 200: countersReply, '5xx': errorSchema } },
  }, async () => ({ counters: await Promise.all(app.counters.counters().map((n) => app.counters.view(n))) }));

  app.get('/api/counters/:counter', { schema: { params: counterParams, response: viewReply } },
    async (req) => ({ counter: await app.counters.view(n(req)) }));

  // Whether the counter can be operated at all (its own token, or staff who sign in), so its page says
  // «尚未设置口令» at once instead of asking for something nothing could accept.
  app.get('/api/counters/:counter/token', {
    schema: { params: counterParams, response: { 200: tokenStatusReply, '4xx': errorSchema } },
  }, async (req) => {
    await app.counters.view(n(req)); // an unknown counter is 404 COUNTER_NOT_FOUND, as everywhere
    return { configured: app.config.staff.length > 0 || app.config.counters.tokens.some((t) => t.counter === n(req)) };
  });

  app.get('/api/counters/calls/recent', {
    schema: { querystring: recentQuery, response: { 200: callsReply, '5xx': errorSchema } },
  }, async (req) => ({ calls: await app.counters.recentCalls(Number(req.query.limit ?? 10)) }));

  app.post('/api/counters/:counter/call-next', action, async (req) => ({ counter: await app.counters.callNext(n(req), await by(req)) }));

  app.post('/api/counters/:counter/call', withBody(numberBody),
    async (req) => ({ counter: await app.counters.callNumber(n(req), req.body.number, await by(req)) }));

  const onCurrent: Exclude<CounterAction, 'transfer' | 'done'>[] = ['recall', 'start', 'no-show', 'hold'];
  for (const name of onCurrent) {
    app.post(`/api/counters/:counter/${name}`, action, async (req) => ({ counter: await app.counters.onCurrent(n(req), name, await by(req)) }));
  }

  // 办结, with the 事项 and the 办件编号 when the clerk picked or scanned them (the body is optional).
  app.post('/api/counters/:counter/done', { onRequest: app.counterGuard, schema: { params: counterParams, body: doneBody, response: doneReply } },
    async (req) => app.counters.finish(n(req), await by(req), { ...(req.body ?? {}), source: 'counter' }));

  app.post('/api/counters/:counter/transfer', withBody(transferBody),
    async (req) => ({ counter: await app.counters.transfer(n(req), req.body.categoryId, await by(req)) }));

  app.post('/api/counters/:counter/resume', withBody(numberBody),
    async (req) => ({ counter: await app.counters.resume(n(req), req.body.number, await by(req)) }));

  app.post('/api/counters/:counter/pause', action, async (req) => ({ counter: await app.counters.setPaused(n(req), true, await by(req)) }));
  app.post('/api/counters/:counter/open', action, async (req) => ({ counter: await app.counters.setPaused(n(req), false, await by(req)) }));
}
