import type { FastifyInstance } from 'fastify';
import { issueTicket } from './evaluation-helpers';

/** Shared by the rating-side tests (upstream adapter, 差评工单, manager). */

/** A ticket taken, called, served and finished at window 1: a rating of it is a rating of a served visit. */
export async function servedTicket(app: FastifyInstance, categoryId = 'A'): Promise<{ id: string; number: string }> {
  const t = await issueTicket(app, categoryId);
  await app.counters.callNumber(1, t.number);
  await app.counters.onCurrent(1, 'start');
  await app.counters.onCurrent(1, 'done');
  return t;
}
