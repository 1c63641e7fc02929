import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ConfiguredStaff } from './directory';
import { DutyRoster } from './duty';
import { dutyMigrations } from './duty-migrations';
import type { CounterDuty } from './duty-types';
import type { StaffDirectory } from './types';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hall's staff (工作人员): who may sign in at a window or as a manager. */
    staff: StaffDirectory;
    /** Who is signed in at which window and post (AB岗). */
    duty: DutyRoster;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** A window's duty changed (sign-in, sign-out, AB岗 switch, idle end): name and 工号 are public (公示). */
    'counter.duty': CounterDuty;
  }
}

/** The staff directory from configuration `staff`, and the duty roster of the windows. */
export default fp(
  async function staffPlugin(app: FastifyInstance) {
    const staff = new ConfiguredStaff(app.config.staff, app.clock);
    app.decorate('staff', staff as StaffDirectory);
    await app.store.migrate('staff', dutyMigrations);
    app.decorate('duty', new DutyRoster(app.store, staff, app.clock, app.events, app.config.counters.sessionIdleMinutes * 60_000));
  },
  { name: 'staff', dependencies: ['config', 'store', 'events'] },
);
