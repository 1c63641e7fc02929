/**
 * Runs tasks one at a time, in the order they were given: each starts after the previous one settled,
 * whatever its outcome. For a link that has one request in flight at most (a SAM module, DLE EOT status),
 * a print queue, a poll the health check shares.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
