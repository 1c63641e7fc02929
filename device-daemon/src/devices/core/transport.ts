/**
 * The byte transport contract every byte-speaking device driver uses (serial port, character device,
 * in-process simulator, HID reports). The driver is the same in production and in tests; only the
 * transport is swapped.
 *
 * Obligations of an implementation:
 * - `open()` resolves once bytes can be written, and rejects with an Error whose `code` is
 *   'ENOENT' (device missing), 'EACCES' (permission) or 'EBUSY' (held by another process) when it can.
 * - `write()` resolves when the bytes have been handed to the operating system (drained), rejects otherwise.
 * - Received bytes reach every `data` listener in order, in chunks of any size: framing is the codec's job.
 * - `close` is emitted exactly once per successful open, whether the host closed it or the device vanished
 *   (then with the error); after it, `isOpen` is false and the transport may be opened again.
 */
export interface ByteTransport {
  /** Human description for health pages and logs, e.g. `serial /dev/ttyUSB0 @115200`. */
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'close', listener: (err?: Error) => void): this;
  off(event: 'data', listener: (chunk: Buffer) => void): this;
  off(event: 'close', listener: (err?: Error) => void): this;
  /**
   * A hint from a link that decodes frames: nothing it waits for can complete before `bytes` more have
   * arrived. A transport may then deliver fewer, larger chunks (a serial port: the tty's VMIN, so the loop
   * is woken once for many of a USB adapter's 1 ms frames); it never holds bytes back once that many have
   * come. 1 asks for every byte as it arrives, as without the hint.
   */
  expect?(bytes: number): void;
  /**
   * Transports that can tell their device arrived (USB hot-plug) call `listener` then, so the driver connects
   * at once instead of at its next backoff step; returns the unsubscribe function.
   */
  onArrival?(listener: () => void): () => void;
}

/** Error with a node-style code, for transports to reject with. */
export function transportError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
