import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../core/schemas';
import { EstimateService } from './service';
import { WhatIf } from './what-if';
import { whatIfBody, whatIfPlanReply, whatIfReply } from './schemas';

declare module 'fastify' {
  interface FastifyInstance {
    estimates: EstimateService;
  }
}

/** Queue events come in bursts (a call is two events): the categories' estimates are made once per burst. */
const COALESCE_MS = 250;

/**
 * The wait model wired (issue 14 #5, #7): `app.estimates` gives `app.queue` its ranges, hears of every new
 * ticket (it joins its lane's runs), reads the hall again on any other queue event and makes the categories'
 * estimates again ahead of the next request; the what-if routes replay a past day under the manager's window plan.
 */
export default fp(
  async function estimatePlugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const deps = { db: app.store, queue: app.config.queue, timeZone: app.config.hall.timezone, clock: app.clock };
    const estimates = new EstimateService(deps);
    app.decorate('estimates', estimates);
    app.queue.useEstimator(estimates);

    let pending: NodeJS.Timeout | undefined;
    const unsubscribe = app.events.subscribe((e) => {
      // A new ticket joins the end of its lane (the runs made for the lane answer it); anything else moves the
      // queue itself: read again. A relay that reconnects may have missed events: read again too.
      if (e.type === 'queue.ticket.issued') estimates.issued(e.ticket);
      else if (e.type.startsWith('queue.') || e.type === 'hall.link') estimates.changed();
      else return;
      pending ??= setTimeout(() => {
        pending = undefined;
        for (const c of app.config.queue.categories) estimates.forCategory(c.id).catch((err: unknown) => app.log.warn({ err }, 'wait estimate failed'));
      }, COALESCE_MS);
      pending.unref();
    });
    app.addHook('onClose', async () => {
      unsubscribe();
      clearTimeout(pending);
    });

    const whatIf = new WhatIf(deps);
    app.register(async (scope) => {
      scope.addHook('onRequest', app.manage.guard);
      const routes = scope.withTypeProvider<TypeBoxTypeProvider>();
      routes.get('/api/manage/estimate/what-if', {
        schema: { response: { 200: whatIfPlanReply, ...errorResponses } },
      }, async () => ({ windows: whatIf.configured() }));
      routes.post('/api/manage/estimate/what-if', {
        schema: { body: whatIfBody, response: { 200: whatIfReply, ...errorResponses } },
      }, async (request) => whatIf.run(request.body));
    });
  },
  { name: 'estimate', dependencies: ['config', 'store', 'events', 'queue', 'manage'] },
);
