import type { FastifyInstance } from 'fastify';
import { issueTicket } from './evaluation-helpers';

/** Shared by the rating-side tests (upstream adapter, 差评工单, manager). */

/**
 * A ticket taken, called, served and finished (办结) at window 1, by `staffId` with the 办件 given: a rating
 * of it is a rating of a served visit.
 */
export async function servedTicket(
  app: FastifyInstance,
  opts: { categoryId?: string; staffId?: string; matterCode?: string; caseNumber?: string } = {},
): Promise<{ id: string; number: string }> {
  const t = await issueTicket(app, opts.categoryId ?? 'A', { served: false });
  await app.counters.callNumber(1, t.number);
  await app.counters.onCurrent(1, 'start');
  await app.counters.finish(1, opts.staffId ?? null, { source: 'counter', matterCode: opts.matterCode, caseNumber: opts.caseNumber });
  return t;
}
