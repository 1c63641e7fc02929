import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { badRequest, notFound } from '../core/errors';
import { toCsv } from './csv';
import * as repo from './repository';
import * as outbox from './outbox-store';
import * as s from './schemas';

const MAX_EXPORT_ROWS = 200_000;

/**
 * What the hall technician sees of 好差评: the CSV export, the delivery state with its dead letters (and
 * sending one again), and the open follow-ups. Behind the maintenance login, like every technician tool.
 */
export default async function technicianRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.technicianGuard);

  // Answers here are CSV and technician-only views: request types come from the schemas, answers stay as built.
  app.get<{ Querystring: Static<typeof s.rangeQuery> }>('/api/evaluations/export.csv', {
    schema: { querystring: s.rangeQuery, response: s.responses },
  }, async (request, reply) => {
    const { from, to } = request.query;
    if (from > to) throw badRequest('INVALID_RANGE', 'querystring.from: must not be after "to"', { field: 'from' });
    const rows = await repo.ratingsBetween(app.store, from, to, MAX_EXPORT_ROWS);
    const follow = new Map((await repo.followUpsOfRatingsBetween(app.store, from, to)).map((f) => [f.evaluation_id, f]));
    const csv = toCsv(rows.map((r) => repo.toEvaluation(r, follow.get(r.id))));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="evaluations-${from}-${to}.csv"`)
      .send(csv);
  });

  app.get('/api/evaluations/delivery', async () => {
    const dead = await outbox.deadLetters(app.store, 100);
    return {
      upstream: app.config.evaluation.upstream ? new URL(app.config.evaluation.upstream.url).origin : null,
      outbox: await outbox.counts(app.store),
      deadLetters: dead.map((d) => ({
        evaluationId: d.message_id,
        kind: d.kind,
        ticketNumber: d.label,
        attempts: Number(d.attempts),
        createdAt: d.created_at,
        deadAt: d.dead_at,
        lastError: d.last_error,
      })),
    };
  });

  app.post<{ Params: Static<typeof s.idParams> }>('/api/evaluations/dead-letters/:id/retry', {
    schema: { params: s.idParams, response: s.responses },
  }, async (request, reply) => {
    if (!(await outbox.revive(app.store, request.params.id, app.clock.now().toISOString()))) {
      throw notFound('DEAD_LETTER_NOT_FOUND', '没有这条未送达的评价');
    }
    app.evaluationSender?.kick();
    return reply.status(202).send({ evaluationId: request.params.id, state: 'pending' });
  });

  app.get<{ Querystring: Static<typeof s.followUpQuery> }>('/api/evaluations/follow-ups', {
    schema: { querystring: s.followUpQuery, response: s.responses },
  }, async (request) => ({
    followUps: (await repo.followUps(app.store, request.query.state ?? 'open', 1000)).map((f) => ({
      id: f.id,
      evaluationId: f.evaluation_id,
      ticketNumber: f.ticket_number,
      level: Number(f.level),
      reasons: JSON.parse(f.reasons) as string[],
      realName: Boolean(Number(f.real_name)),
      openedAt: f.opened_at,
      dueDate: f.due_date,
      state: f.state,
    })),
  }));
}
