import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../core/schemas';
import { caseNumberField, matterCodeField, serviceCaseSchema } from '../queue/counter-schemas';
import { evaluationSchema, invitationSchema } from '../evaluation/schemas';
import { integrationAuth } from './auth';
import { IntegrationService, type FinishRequest } from './service';

const window = { type: 'integer', minimum: 1, maximum: 999 } as const;
const caseParams = { type: 'object', required: ['caseNumber'], properties: { caseNumber: caseNumberField } } as const;
const finishBody = {
  type: 'object',
  required: ['caseNumber', 'matterCode', 'window'],
  additionalProperties: false,
  anyOf: [{ required: ['ticketId'] }, { required: ['ticketNumber'] }],
  properties: {
    caseNumber: caseNumberField,
    matterCode: matterCodeField,
    window,
    ticketId: { type: 'string', minLength: 1, maxLength: 64 },
    ticketNumber: { type: 'string', pattern: '^[A-Za-z][0-9]{3}$' },
    staffId: { type: 'string', minLength: 1, maxLength: 20 },
  },
} as const;
const ok = (props: Record<string, unknown>) => ({ 200: { type: 'object', properties: props }, ...errorResponses });

/**
 * The integration API for the windows' business systems (一窗受理系统), versioned under its own prefix and
 * documented in docs/INTEGRATION.md. The key is checked onRequest, before anything else. Registered with
 * prefix `/api/integration/v1` (not fastify-plugin: the hook stays inside this prefix).
 */
export default async function integrationRoutes(app: FastifyInstance) {
  const service = new IntegrationService(app);
  app.addHook('onRequest', integrationAuth(app.config.integration));

  app.post<{ Body: FinishRequest }>('/cases', { schema: { body: finishBody, response: ok({ case: serviceCaseSchema }) } },
    async (req) => ({ case: await service.finish(req.integrationSystem!, req.body) }));

  app.post<{ Params: { caseNumber: string }; Body: { window: number } }>('/cases/:caseNumber/invitation', {
    schema: {
      params: caseParams,
      body: { type: 'object', required: ['window'], additionalProperties: false, properties: { window } },
      response: ok({ invitation: invitationSchema }),
    },
  }, async (req) => ({ invitation: await service.invite(req.params.caseNumber, req.body.window) }));

  app.get<{ Params: { caseNumber: string } }>('/cases/:caseNumber/evaluation', {
    schema: { params: caseParams, response: ok({ case: serviceCaseSchema, evaluation: { ...evaluationSchema, type: ['object', 'null'] } }) },
  }, async (req) => service.rating(req.params.caseNumber));
}
