import type { FastifyError, FastifyInstance } from 'fastify';
import { isDomainError } from './errors';

/**
 * One error handler for the whole API: domain errors keep their code and status, validation errors become
 * 400 with a message naming the field, and anything else is a 500 whose details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isDomainError(err)) {
      if (err.status >= 500) request.log.warn({ code: err.code }, err.message);
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.details ?? {}) } });
    }
    if (err.validation) {
      const first = err.validation[0];
      const params = (first?.params ?? {}) as { missingProperty?: string; additionalProperty?: string };
      const base = (first?.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const extra = params.missingProperty ?? params.additionalProperty;
      const field = [base, extra].filter(Boolean).join('.');
      const where = err.validationContext ?? 'body';
      const path = field ? `${where}.${field}` : where; // the whole body (e.g. missing) is named "body"
      return reply.status(400).send({
        error: { code: 'INVALID_REQUEST', message: `${path}: ${first?.message ?? 'is invalid'}`, field: field || where },
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own refusals: a body that is not JSON, a wrong content type, a body too large.
      const code = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'INVALID_REQUEST' : (err.code ?? 'BAD_REQUEST');
      return reply.status(err.statusCode).send({ error: { code, message: err.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '系统内部错误，请联系工作人员' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
