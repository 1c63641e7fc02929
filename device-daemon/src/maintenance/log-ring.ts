import { redactText } from './redact';

export interface LogLine {
  time?: string;
  level?: string;
  msg?: string;
  /** The whole line as pino wrote it, redacted. */
  text: string;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * The last N log lines, for the technician's log tail. It is a pino destination: give `ring.tee(stdout)` as
 * the logger's `stream` and every line goes to stdout and into the ring. Lines are redacted on the way in,
 * so nothing personal is even kept in memory, and each line is capped in length.
 */
export class LogRing {
  private readonly lines: string[] = [];

  constructor(
    readonly capacity = 500,
    private readonly maxLineLength = 4000,
  ) {}

  /** pino destination contract: `write(line)` with one JSON line (ending in a newline). */
  write(line: string): void {
    const text = redactText(line.trimEnd()).slice(0, this.maxLineLength);
    if (!text) return;
    this.lines.push(text);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** A destination writing to `out` as well as to this ring. */
  tee(out: { write(line: string): unknown }): { write(line: string): void } {
    return {
      write: (line: string) => {
        out.write(line);
        this.write(line);
      },
    };
  }

  /** Every kept line as written (redacted), oldest first. */
  texts(): string[] {
    return [...this.lines];
  }

  /** The newest `limit` lines, oldest first. */
  tail(limit = 200): LogLine[] {
    return this.lines.slice(-limit).map(parseLine);
  }
}

function parseLine(text: string): LogLine {
  try {
    const o = JSON.parse(text) as { time?: number | string; level?: number | string; msg?: string };
    return {
      text,
      time: typeof o.time === 'number' ? new Date(o.time).toISOString() : o.time,
      level: typeof o.level === 'number' ? (LEVELS[o.level] ?? String(o.level)) : o.level,
      msg: o.msg,
    };
  } catch {
    return { text };
  }
}
