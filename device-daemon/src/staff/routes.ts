import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorSchema } from '../core/schemas';
import { DomainError, notFound } from '../core/errors';
import type { Post } from './duty-types';

const params = { type: 'object', required: ['counter'], properties: { counter: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } } } as const;
const badge = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;
export const dutySchema = {
  type: 'object',
  properties: {
    counter: { type: 'integer' },
    onDuty: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' }, post: { type: 'string' } } },
    posts: {
      type: 'array',
      items: { type: 'object', properties: { post: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, onDuty: { type: 'boolean' } } },
    },
  },
} as const;
const post = { type: 'string', enum: ['A', 'B'] } as const;
const signInBody = {
  type: 'object',
  required: ['staffId', 'pin'],
  additionalProperties: false,
  properties: { staffId: { type: 'string', minLength: 1, maxLength: 20 }, pin: { type: 'string', minLength: 1, maxLength: 12 }, post },
} as const;
const reply = (props: Record<string, unknown>) => ({ 200: { type: 'object', properties: props }, '4xx': errorSchema, '5xx': errorSchema });

type P = { Params: { counter: string } };
const bearer = (req: FastifyRequest) => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
};

/**
 * Sign-in at a window (AB岗): `POST /api/counters/:n/session` with 工号 + PIN gives the token for that window's
 * actions; `GET` says who the token is, `DELETE` signs out; `POST …/duty/switch` puts the other post on duty;
 * `GET /api/counters/:n/duty` and `GET /api/counters/duty` are open (公示).
 */
export default fp(
  async function staffRoutes(app: FastifyInstance) {
    const counterOf = (req: { params: { counter: string } }) => {
      const n = Number(req.params.counter);
      if (!app.counters.counters().includes(n)) throw notFound('COUNTER_NOT_FOUND', `没有${n}号窗口`);
      return n;
    };
    const session = async (req: FastifyRequest<P>) => {
      const actor = await app.duty.authenticate(counterOf(req), bearer(req));
      if (actor?.kind !== 'staff') throw new DomainError('COUNTER_SESSION_REQUIRED', '请先用工号和密码登录本窗口', 401);
      return actor;
    };

    app.post<P & { Body: { staffId: string; pin: string; post?: Post } }>('/api/counters/:counter/session', {
      schema: { params, body: signInBody, response: reply({ token: { type: 'string' }, staff: badge, post, duty: dutySchema }) },
    }, async (req) => {
      const counter = counterOf(req);
      const { token, duty } = await app.duty.signIn(counter, req.body.staffId, req.body.pin, req.body.post ?? 'A');
      const staff = app.staff.get(req.body.staffId)!;
      return { token, staff: { id: staff.id, name: staff.name }, post: req.body.post ?? 'A', duty };
    });

    app.get<P>('/api/counters/:counter/session', { onRequest: app.counterGuard, schema: { params, response: reply({ staff: badge, post, duty: dutySchema }) } },
      async (req) => {
        const actor = await session(req);
        const staff = app.staff.get(actor.staffId);
        return { staff: { id: actor.staffId, name: staff?.name ?? actor.staffId }, post: actor.post, duty: await app.duty.duty(counterOf(req)) };
      });

    app.delete<P>('/api/counters/:counter/session', { onRequest: app.counterGuard, schema: { params, response: reply({ duty: dutySchema }) } },
      async (req) => ({ duty: await app.duty.signOut(counterOf(req), (await session(req)).sessionId) }));

    app.post<P & { Body: { post: Post } }>('/api/counters/:counter/duty/switch', {
      schema: { params, body: { type: 'object', required: ['post'], additionalProperties: false, properties: { post } }, response: reply({ duty: dutySchema }) },
      onRequest: app.counterGuard, // authenticated before the body is validated
    }, async (req) => ({ duty: await app.duty.switchTo(counterOf(req), req.body.post) }));

    app.get<P>('/api/counters/:counter/duty', { schema: { params, response: reply({ duty: dutySchema }) } },
      async (req) => ({ duty: await app.duty.duty(counterOf(req)) }));

    app.get('/api/counters/duty', { schema: { response: reply({ duties: { type: 'array', items: dutySchema } }) } },
      async () => ({ duties: await Promise.all(app.counters.counters().map((n) => app.duty.duty(n))) }));
  },
  { name: 'staff-routes', dependencies: ['staff', 'counters'] },
);
