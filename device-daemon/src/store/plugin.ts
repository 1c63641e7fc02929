import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db';
import { openStore } from './open';

declare module 'fastify' {
  interface FastifyInstance {
    store: Db;
  }
}

/** Opens the configured store (SQLite by default, PostgreSQL in hall-wide mode) and closes it last. */
export default fp(
  async function storePlugin(app: FastifyInstance, opts: { store?: Db }) {
    const db = opts.store ?? (await openStore(app.config.store));
    app.decorate('store', db);
    app.log.info({ store: db.description }, 'store open');
    app.addHook('onClose', async () => {
      if (!opts.store) await db.close();
    });
  },
  { name: 'store', dependencies: ['config'] },
);
