import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { errorResponses as errors } from '../core/schemas';
import {
  createBody, jobSchema, materialParams, matterSchema, orderBody, pageParams, receiptSchema, scanBody, submissionParams,
  submissionSchema, type CreateBody, type OrderBody, type ScanBody,
} from './schemas';
import { applicantOf } from './applicant';

type Id = Static<typeof submissionParams>;
type PageParams = Static<typeof pageParams>;
type MaterialParams = Static<typeof materialParams>;

const one = { type: 'object', properties: { submission: submissionSchema } } as const;
const params = submissionParams;

/** Thin routes of 材料扫描: validate, call the scan service, answer with the submission as it now is. */
export default async function scanRoutes(app: FastifyInstance) {
  const { submissions, jobs } = app.scan;
  const view = async (id: string) => ({ submission: await submissions.view(await submissions.get(id), jobs.job(id)) });

  app.get('/api/scan/matters', {
    schema: { response: { 200: { type: 'object', properties: { matters: { type: 'array', items: matterSchema }, maxPages: { type: 'integer' } } } } },
  }, async () => ({ matters: submissions.listMatters(), maxPages: app.config.scan.maxPages }));

  app.post<{ Body: CreateBody }>('/api/scan/submissions', {
    schema: { body: createBody, response: { 201: one, ...errors } },
  }, async (request, reply) => {
    const row = await submissions.create(request.body.matterId, applicantOf(app, request.body.identitySessionId), request.body.ticketId);
    return reply.status(201).send({ submission: await submissions.view(row, null) });
  });

  app.get<{ Params: Id }>('/api/scan/submissions/:id', {
    schema: { params, response: { 200: one, ...errors } },
  }, async (request) => view(request.params.id));

  app.delete<{ Params: Id }>('/api/scan/submissions/:id', {
    schema: { params, response: { 204: { type: 'null' }, ...errors } },
  }, async (request, reply) => {
    await app.scan.discard(request.params.id);
    return reply.status(204).send();
  });

  app.post<{ Params: Id; Body: ScanBody }>('/api/scan/submissions/:id/pages', {
    schema: { params, body: scanBody, response: { 202: { type: 'object', properties: { job: jobSchema } }, ...errors } },
  }, async (request, reply) => {
    const job = await jobs.start(request.params.id, request.body.materialId, request.body.replacePageId);
    return reply.status(202).send({ job });
  });

  app.delete<{ Params: Id }>('/api/scan/submissions/:id/job', {
    schema: { params, response: { 200: one, ...errors } },
  }, async (request) => {
    await jobs.cancel(request.params.id);
    return view(request.params.id);
  });

  app.delete<{ Params: PageParams }>('/api/scan/submissions/:id/pages/:pageId', {
    schema: { params: pageParams, response: { 200: one, ...errors } },
  }, async (request) => {
    await submissions.deletePage(request.params.id, request.params.pageId);
    return view(request.params.id);
  });

  app.put<{ Params: MaterialParams; Body: OrderBody }>('/api/scan/submissions/:id/materials/:materialId/order', {
    schema: {
      params: materialParams,
      body: orderBody,
      response: { 200: one, ...errors },
    },
  }, async (request) => {
    await submissions.reorder(request.params.id, request.params.materialId, request.body.pageIds);
    return view(request.params.id);
  });

  app.get<{ Params: PageParams }>('/api/scan/submissions/:id/pages/:pageId/thumbnail', {
    schema: { params: pageParams },
  }, async (request, reply) => {
    const image = await submissions.thumbnail(request.params.id, request.params.pageId);
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store').send(image);
  });

  app.post<{ Params: Id }>('/api/scan/submissions/:id/finish', {
    schema: {
      params,
      response: { 200: { type: 'object', properties: { submission: submissionSchema, receipt: receiptSchema } }, ...errors },
    },
  }, async (request) => {
    const result = await app.scan.finish(request.params.id);
    return { ...(await view(request.params.id)), receipt: result.receipt };
  });
}
