import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from './errors';

/**
 * Fastify's and Node's own refusals, in the documented shape with our codes and our words: a public answer
 * names no library (`FST_…`), path or host. Anything not listed falls back on its status.
 */
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_REQUEST', message: 'body: 不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_REQUEST', message: 'body: 为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容类型不受支持，请用 application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_REQUEST', message: '请求长度与内容不符' },
  FST_STATIC_FORBIDDEN_PATH: { code: 'NOT_FOUND', message: '没有此接口或页面' },
  FST_ERR_BAD_URL: { code: 'INVALID_REQUEST', message: '请求地址不正确' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'INVALID_REQUEST', message: '请求地址中的参数过长' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'INVALID_REQUEST', message: '请求不被接受' },
};

const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'INVALID_REQUEST', message: '请求格式不正确' },
  403: { code: 'FORBIDDEN', message: '不允许此操作' },
  404: { code: 'NOT_FOUND', message: '没有此接口或页面' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '此接口不支持该方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '无法按要求的格式回答' },
  408: { code: 'REQUEST_TIMEOUT', message: '请求超时' },
  413: { code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  414: { code: 'URI_TOO_LONG', message: '请求地址过长' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容类型不受支持' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过多，请稍后再试' },
  431: { code: 'HEADERS_TOO_LARGE', message: '请求头过大' },
};

const STATIC_FORBIDDEN = 'FST_STATIC_FORBIDDEN_PATH';

/** The public answer for a framework refusal: our code and words, never Fastify's. */
export function frameworkError(status: number, fastifyCode?: string): { status: number; body: { error: { code: string; message: string } } } {
  const known = fastifyCode ? FRAMEWORK_CODES[fastifyCode] : undefined;
  const finalStatus = fastifyCode === STATIC_FORBIDDEN ? 404 : status;
  const mapped = known ?? BY_STATUS[finalStatus] ?? { code: 'INVALID_REQUEST', message: '请求不被接受' };
  return { status: finalStatus, body: { error: mapped } };
}

/**
 * One error handler for the whole API: domain errors keep their code and status, validation errors become
 * 400 with a message naming the field, Fastify's own 4xx become our codes, and anything else is a 500 whose
 * details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isDomainError(err)) {
      if (err.status >= 500) request.log.warn({ code: err.code, cause: err.cause === undefined ? undefined : String(err.cause) }, err.message);
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
      const { status, body } = frameworkError(err.statusCode, err.code);
      return reply.status(status).send(body);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '系统内部错误，请联系工作人员' } });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: BY_STATUS[404]! }));
}

/**
 * Refusals of Fastify's router before any hook or handler (a URL that does not decode, a path parameter over
 * the length limit): the `frameworkErrors` server option.
 */
export function routerErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = frameworkError(err.statusCode ?? 400, err.code);
  void reply.status(status).send(body);
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (431 headers too large, 400 malformed):
 * answered here in the same shape, then the connection is closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'HPE_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(frameworkError(status).body);
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
