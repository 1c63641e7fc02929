/**
 * Parses what `scanimage -p` writes to stderr: `Progress: 42.3%` records separated by carriage returns
 * (no newline), mixed with ordinary message lines. Chunks may split a record anywhere, so the parser keeps
 * the unfinished tail until its terminator arrives.
 */
export interface ProgressUpdate {
  /** Percentages in the order they arrived, 0..100. */
  percents: number[];
  /** Complete non-progress lines (warnings, the reason of a failure). */
  lines: string[];
}

const PROGRESS = /^Progress:\s*(\d+(?:\.\d+)?)%$/;
/** Longest unfinished record kept: a backend writing without CR or LF must not grow the tail without bound. */
export const MAX_RECORD_CHARS = 4096;

export class ProgressParser {
  private tail = '';

  push(chunk: string): ProgressUpdate {
    const text = this.tail + chunk;
    const records = text.split(/\r\n|\r|\n/);
    const tail = records.pop() ?? '';
    this.tail = tail.length > MAX_RECORD_CHARS ? tail.slice(-MAX_RECORD_CHARS) : tail;
    return classify(records);
  }

  /** The process ended: whatever is left is a last record. */
  end(): ProgressUpdate {
    const rest = this.tail;
    this.tail = '';
    return classify(rest ? [rest] : []);
  }
}

function classify(records: string[]): ProgressUpdate {
  const out: ProgressUpdate = { percents: [], lines: [] };
  for (const raw of records) {
    const record = raw.trim();
    if (!record) continue;
    const m = PROGRESS.exec(record);
    if (m) out.percents.push(Math.min(100, Math.max(0, Number(m[1]))));
    else out.lines.push(record);
  }
  return out;
}
