import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import integrationRoutes from './routes';

declare module 'fastify' {
  interface FastifyRequest {
    /** The business system whose key authenticated the request (integration API only). */
    integrationSystem?: string;
  }
}

/** `/api/integration/v1/`: the windows' business systems report 办件, invite ratings and read them. */
export default fp(
  async function integrationPlugin(app: FastifyInstance) {
    await app.register(integrationRoutes, { prefix: '/api/integration/v1' });
  },
  { name: 'integration', dependencies: ['config', 'counters', 'evaluation', 'staff', 'matters'] },
);
