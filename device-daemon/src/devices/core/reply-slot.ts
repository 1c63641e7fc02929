/**
 * The one outstanding request of a request/response link. `wait` starts it; it settles exactly once, with
 * the first of `answer(value)`, `fail(err)` or the deadline (`onTimeout` returns the value or throws), and its
 * timer is cleared whichever way, so nothing of it outlives the request. A driver whose device goes away
 * calls `fail` (or `answer` with its "no answer" value), so no caller waits for a reply that cannot come.
 */
export class ReplySlot<T> {
  private current: { resolve: (value: T) => void; reject: (err: Error) => void; timer: NodeJS.Timeout } | undefined;

  get waiting(): boolean {
    return this.current !== undefined;
  }

  /** Starts waiting; an earlier wait still open is failed first (callers serialise, see SerialQueue). */
  wait(timeoutMs: number, onTimeout: () => T): Promise<T> {
    this.fail(new Error('superseded by a newer request'));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.current = undefined;
        try {
          resolve(onTimeout());
        } catch (err) {
          reject(err as Error);
        }
      }, timeoutMs);
      this.current = { resolve, reject, timer };
    });
  }

  /** Settles the wait with `value`; false when nothing was waiting (the value is the caller's to drop). */
  answer(value: T): boolean {
    const c = this.take();
    c?.resolve(value);
    return c !== undefined;
  }

  fail(err: Error): void {
    this.take()?.reject(err);
  }

  private take() {
    const c = this.current;
    this.current = undefined;
    if (c) clearTimeout(c.timer);
    return c;
  }
}
