import type { Queryable } from '../store/db';
import type { TicketRow } from './types';

/** What a new ticket's view needs beyond its row: the people waiting before it and its category's mean. */
export interface TakenFigures {
  waitingAhead: number;
  meanMs: number | undefined;
}

interface Waiting {
  row: TicketRow;
  resolve: (figures: TakenFigures) => void;
  reject: (err: unknown) => void;
}

/**
 * The people ahead of new walk-in tickets, read once per burst instead of once per ticket. The tickets of one
 * group commit are answered in the same turn (store/sqlite.ts resolves them together), so their views join
 * here and are read with one statement per category and day: how many are waiting before the burst's lowest
 * number, and which of the burst's own numbers are still waiting. Each ticket's figure is then counted from
 * that one reading, exactly as its own COUNT would have read it at that moment: nothing is kept after the
 * burst, so the next burst reads again (a call in between is seen).
 */
export class BurstView {
  private waiting: Waiting[] | undefined;

  constructor(
    private readonly q: Queryable,
    /** The category's mean service time (the queue service's own read, once per category per burst). */
    private readonly meanOf: (date: string, categoryId: string) => Promise<number | undefined>,
  ) {}

  /** The figures of a ticket just committed in state `issued`, not an appointment's (they count differently). */
  figures(row: TicketRow): Promise<TakenFigures> {
    return new Promise((resolve, reject) => {
      if (this.waiting) return void this.waiting.push({ row, resolve, reject });
      const burst: Waiting[] = [{ row, resolve, reject }];
      this.waiting = burst;
      // The other tickets of the same commit resume before this microtask runs: they join the burst.
      queueMicrotask(() => {
        this.waiting = undefined;
        void this.read(burst);
      });
    });
  }

  private async read(burst: Waiting[]): Promise<void> {
    const groups = new Map<string, Waiting[]>();
    for (const w of burst) {
      const key = `${w.row.category_id}\u0000${w.row.service_date}`;
      const group = groups.get(key);
      if (group) group.push(w);
      else groups.set(key, [w]);
    }
    await Promise.all([...groups.values()].map((group) => this.readGroup(group)));
  }

  private async readGroup(group: Waiting[]): Promise<void> {
    try {
      const { category_id: categoryId, service_date: date } = group[0]!.row;
      const seqs = group.map((w) => w.row.seq);
      const lowest = Math.min(...seqs);
      // One statement, so one moment: a row (0, n) for the waiting tickets before the burst's lowest number, a
      // row (seq, 1) per waiting number from it up to the highest (the burst's own, and any other between them).
      const rows = await this.q.query<{ seq: number; n: number }>(
        `SELECT 0 AS seq, CAST(COUNT(*) AS INTEGER) AS n FROM tickets
         WHERE category_id = $1 AND service_date = $2 AND state = 'issued' AND seq < $3
         UNION ALL
         SELECT seq, 1 AS n FROM tickets
         WHERE category_id = $1 AND service_date = $2 AND state = 'issued' AND seq >= $3 AND seq <= $4`,
        [categoryId, date, lowest, Math.max(...seqs)],
      );
      const meanMs = await this.meanOf(date, categoryId);
      let before = 0;
      const waitingFrom: number[] = [];
      for (const r of rows) {
        if (Number(r.seq) === 0) before = Number(r.n);
        else waitingFrom.push(Number(r.seq));
      }
      for (const w of group) {
        const ahead = before + waitingFrom.filter((seq) => seq < w.row.seq).length;
        w.resolve({ waitingAhead: ahead, meanMs });
      }
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  }
}
