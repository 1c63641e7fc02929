import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ConfiguredStaff } from './directory';
import type { StaffDirectory } from './types';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hall's staff (工作人员): who may sign in at a window or as a manager. */
    staff: StaffDirectory;
  }
}

/** The staff directory from configuration `staff`; counters and the manager page sign people in through it. */
export default fp(
  async function staffPlugin(app: FastifyInstance) {
    app.decorate('staff', new ConfiguredStaff(app.config.staff, app.clock) as StaffDirectory);
  },
  { name: 'staff', dependencies: ['config'] },
);
