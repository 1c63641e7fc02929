/**
 * The pages between the scanner and the store. A scanned page is compressed while the next one is being
 * scanned, but at most `depth` raw pages (megabytes each: 5.6 MB grey, 26 MB colour for A4 at 300 dpi) exist
 * at once, whatever the number of pages: a scan waits for a slot before scanimage starts. Pages are stored
 * in the order they were scanned, whichever finishes compressing first, so positions follow the scanner.
 * The raw pages' buffers are reused, so scanning leaves no garbage megabytes for the collector: the memory
 * of scanning is `depth` times the largest page, from the first page on.
 */
/** Room for one raw page: its buffer is kept and reused by the pages that take the slot after it. */
export interface PageSlot {
  /** A buffer of `bytes` bytes in this slot's memory, grown when a page is larger than any before it. */
  allocate(bytes: number): Buffer;
  /** Gives the slot back (once); its page's pixels must no longer be read. */
  release(): void;
}

export class PagePipeline {
  private readonly free: { buffer: Buffer }[];
  private readonly waiting: ((room: { buffer: Buffer }) => void)[] = [];
  /** The store step of the page scanned last; the next page's store step runs after it. */
  private lastStore: Promise<unknown> = Promise.resolve();
  /** Unsettled jobs by submission, for «完成», discarding and closing. */
  private readonly inFlight = new Map<string, Map<Promise<void>, { adds: boolean }>>();

  constructor(depth: number) {
    this.free = Array.from({ length: depth }, () => ({ buffer: Buffer.alloc(0) }));
  }

  /** Waits for room for one raw page. */
  async slot(): Promise<PageSlot> {
    const room = this.free.pop() ?? (await new Promise<{ buffer: Buffer }>((resolve) => this.waiting.push(resolve)));
    let released = false;
    return {
      allocate: (bytes) => {
        if (room.buffer.length < bytes) room.buffer = Buffer.allocUnsafeSlow(bytes);
        return room.buffer.subarray(0, bytes);
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next(room); // straight to the next waiting scan
        else this.free.push(room);
      },
    };
  }

  /**
   * Runs `store` after the store step of every page scanned before this one (its failure included), so
   * pages keep the scanner's order. Call it in scan order, right after the page leaves the scanner.
   */
  inOrder<T>(prepared: Promise<T>, store: (value: T) => Promise<void>): Promise<void> {
    // A page that failed to compress still waits for the pages before it, so no page after it overtakes them.
    const mine = Promise.allSettled([prepared, this.lastStore]).then(([own]) =>
      own.status === 'fulfilled' ? store(own.value) : Promise.reject(own.reason as Error),
    );
    // The chain never rejects: a failure belongs to its own job, not to the pages after it.
    this.lastStore = mine.catch(() => undefined);
    return mine;
  }

  /** Counts `job` as in flight for the submission until it settles; `adds`: a new page, not a retake. */
  track(submissionId: string, job: Promise<void>, adds: boolean): void {
    const jobs = this.inFlight.get(submissionId) ?? new Map<Promise<void>, { adds: boolean }>();
    this.inFlight.set(submissionId, jobs);
    jobs.set(job, { adds });
    const settle = () => {
      jobs.delete(job);
      if (jobs.size === 0 && this.inFlight.get(submissionId) === jobs) this.inFlight.delete(submissionId);
    };
    job.then(settle, settle);
  }

  /** New pages of the submission not stored yet (they count against its page limit already). */
  pendingPages(submissionId: string): number {
    return [...(this.inFlight.get(submissionId)?.values() ?? [])].filter((j) => j.adds).length;
  }

  /** Any submission with a page in flight (the retention sweep leaves it alone). */
  busySubmission(): string | undefined {
    return this.inFlight.keys().next().value;
  }

  /** Resolves when every job of the submission (or of all, without an id) has settled. */
  async settled(submissionId?: string): Promise<void> {
    const jobs = submissionId ? [...(this.inFlight.get(submissionId)?.keys() ?? [])] : [...this.inFlight.values()].flatMap((m) => [...m.keys()]);
    await Promise.allSettled(jobs);
  }
}
