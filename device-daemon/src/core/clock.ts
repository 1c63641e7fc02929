/** The one source of "now" for the daemon, injectable so tests can cross midnight or a 7-day deadline. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
