import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { caseParams, finishBody, finishReply, inviteBody, inviteReply, ratingReply } from './schemas';
import { integrationAuth } from './auth';
import { IntegrationService } from './service';

/**
 * The integration API for the windows' business systems (一窗受理系统), versioned under its own prefix and
 * documented in docs/INTEGRATION.md. The key is checked onRequest, before anything else. Registered with
 * prefix `/api/integration/v1` (not fastify-plugin: the hook stays inside this prefix).
 */
export default async function integrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const service = new IntegrationService(app);
  app.addHook('onRequest', integrationAuth(app.config.integration));

  app.post('/cases', { schema: { body: finishBody, response: finishReply } },
    async (req) => ({ case: await service.finish(req.integrationSystem!, req.body) }));

  app.post('/cases/:caseNumber/invitation', { schema: { params: caseParams, body: inviteBody, response: inviteReply } },
    async (req) => ({ invitation: await service.invite(req.params.caseNumber, req.body.window) }));

  app.get('/cases/:caseNumber/evaluation', { schema: { params: caseParams, response: ratingReply } },
    async (req) => service.rating(req.params.caseNumber));
}
