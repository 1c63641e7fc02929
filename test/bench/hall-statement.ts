import { randomUUID } from 'node:crypto';
import { PostgresDb } from '../../device-daemon/src/store/postgres';
import { TAKE_ONE_STATEMENT } from '../../device-daemon/src/queue/take-one-statement';
import { TAKE_TOGETHER_STATEMENT } from '../../device-daemon/src/queue/take-together';
import { cpuSince, postgresProcesses } from './proc-cpu';
import type { BenchRow } from './table';

/**
 * The walk-in ticket's statement alone, one at a time on one connection, through the store itself: PostgreSQL's
 * CPU per statement sent ad hoc (`query`: parsed and planned on every execution) beside `prepared` (named,
 * planned once per connection, generically), `total` of each, round the categories, on service days of their
 * own (far in the past) so the hall's numbers are untouched; then the batch statement (take-together.ts) with one
 * ticket of each category, PostgreSQL's CPU per ticket. Run after the duplicate / gap check.
 */
export async function statementRows(url: string, dataDirectory: string, categories: readonly string[], total: number): Promise<BenchRow[]> {
  const db = await PostgresDb.connect(url, { poolSize: 1 });
  try {
    const perStatement = async (date: string, prepared: boolean) => {
      const run = (i: number) => {
        const params = [categories[i % categories.length]!, date, 999, randomUUID(), 0, 'screen', 'bench', new Date().toISOString()];
        return prepared ? db.prepared('queue_take_one', TAKE_ONE_STATEMENT, params) : db.query(TAKE_ONE_STATEMENT, params);
      };
      for (let i = 0; i < 10; i++) await run(i); // the connection opened, the statement prepared
      const before = postgresProcesses(dataDirectory);
      for (let i = 10; i < total + 10; i++) await run(i);
      return (cpuSince(before, postgresProcesses(dataDirectory)) * 1000) / total;
    };
    const adHoc = await perStatement('2000-01-01', false);
    const prepared = await perStatement('2000-01-02', true);
    // The batch the daemons send under load: one request per category, as the bench's load asks round them.
    const batch = categories.length;
    const together = async (date: string) => {
      const run = () => {
        const ids = categories.map(() => randomUUID());
        const at = new Date().toISOString();
        const params = [categories, categories.map(() => date), ids, categories.map(() => 0), categories.map(() => 'screen'),
          categories.map(() => 'bench'), categories.map(() => at), categories.map(() => 999)];
        return db.prepared('queue_take_together', TAKE_TOGETHER_STATEMENT, params);
      };
      for (let i = 0; i < 5; i++) await run();
      const before = postgresProcesses(dataDirectory);
      const statements = Math.ceil(total / batch);
      for (let i = 0; i < statements; i++) await run();
      return (cpuSince(before, postgresProcesses(dataDirectory)) * 1000) / (statements * batch);
    };
    const perTicketTogether = await together('2000-01-03');
    return [
      {
        area: 'hall-wide',
        metric: `the ticket's statement alone, one connection, ${total}: PostgreSQL CPU per statement, ad hoc / prepared (generic plan)`,
        value: `${adHoc.toFixed(2)} / ${prepared.toFixed(2)} ms`,
        ratio: `prepared = ${(prepared / adHoc).toFixed(2)} of ad hoc`,
      },
      {
        area: 'hall-wide',
        metric: `the same tickets ${batch} to a statement (take-together.ts, one per category), prepared: PostgreSQL CPU per ticket`,
        value: `${perTicketTogether.toFixed(2)} ms`,
        ratio: `${(perTicketTogether / prepared).toFixed(2)} of one ticket a statement, prepared`,
      },
    ];
  } finally {
    await db.close();
  }
}
