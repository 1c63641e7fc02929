import type { ByteDevice } from '../../core/loopback-transport';
import { transportError } from '../../core/transport';
import { HEADER_BYTES, PREAMBLE } from '../codec/frame';
import type { BulkDevice, SamEndpoints } from '../transport/bulk-device';

/** Largest bulk packet of a full-speed device: a reply body arrives in pieces of this size. */
const MAX_PACKET = 64;

/**
 * A SAM module in USB mode, for tests: a ByteDevice (the simulator) behind the vendor document's endpoint
 * split. A command header must come on the header OUT endpoint and its body on the body OUT endpoint; bytes
 * on any other endpoint, or a body without its header, are dropped as a real module drops them (and counted in
 * `misrouted`, so a test can tell). Replies are split the same way: header on header IN, body on body IN in
 * packets of at most 64 bytes. `unplug()` and `plug()` fire the hot-plug listeners.
 */
export class SimBulkDevice implements BulkDevice {
  readonly description = 'simulated SAM module (USB bulk)';
  misrouted = 0;
  private present = true;
  private opened = false;
  private pendingHeader: Buffer | undefined;
  private readonly inbox = new Map<number, Buffer>();
  private readonly waiters = new Map<number, () => void>();
  private readonly detachListeners = new Set<() => void>();
  private readonly attachListeners = new Set<() => void>();

  constructor(
    private readonly sam: ByteDevice,
    private readonly endpoints: SamEndpoints,
  ) {}

  async open(): Promise<void> {
    if (!this.present) throw transportError('ENOENT', `${this.description}: not plugged in`);
    this.opened = true;
    this.inbox.clear();
    this.sam.connect((bytes) => this.replied(Buffer.from(bytes)));
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.sam.disconnect();
    for (const wake of this.waiters.values()) wake();
  }

  async transferOut(endpoint: number, bytes: Uint8Array): Promise<void> {
    this.need();
    const data = Buffer.from(bytes);
    if (endpoint === this.endpoints.headerOut && data.length === HEADER_BYTES && data.subarray(0, PREAMBLE.length).equals(PREAMBLE)) {
      this.pendingHeader = data;
      return;
    }
    if (endpoint === this.endpoints.bodyOut && this.pendingHeader) {
      const frame = Buffer.concat([this.pendingHeader, data]);
      this.pendingHeader = undefined;
      setImmediate(() => this.opened && this.sam.receive(frame));
      return;
    }
    this.misrouted += 1;
  }

  async transferIn(endpoint: number, length: number, timeoutMs: number): Promise<Buffer> {
    this.need();
    const end = Date.now() + timeoutMs;
    while (!this.inbox.get(endpoint)?.length) {
      const left = end - Date.now();
      if (left <= 0 || !this.opened) return Buffer.alloc(0);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.set(endpoint, () => (clearTimeout(timer), resolve()));
      });
      this.need();
    }
    const queued = this.inbox.get(endpoint)!;
    const take = Math.min(length, queued.length, endpoint === this.endpoints.bodyIn ? MAX_PACKET : length);
    this.inbox.set(endpoint, queued.subarray(take));
    return Buffer.from(queued.subarray(0, take));
  }

  onDetach(listener: () => void): () => void {
    this.detachListeners.add(listener);
    return () => this.detachListeners.delete(listener);
  }

  onAttach(listener: () => void): () => void {
    this.attachListeners.add(listener);
    return () => this.attachListeners.delete(listener);
  }

  /** The cable is pulled: transfers fail and detach listeners run. */
  unplug(): void {
    this.present = false;
    void this.close();
    for (const l of [...this.detachListeners]) l();
  }

  /** Plugged back in: attach listeners run. */
  plug(): void {
    this.present = true;
    for (const l of [...this.attachListeners]) l();
  }

  private replied(frame: Buffer): void {
    this.queue(this.endpoints.headerIn, frame.subarray(0, HEADER_BYTES));
    this.queue(this.endpoints.bodyIn, frame.subarray(HEADER_BYTES));
  }

  private queue(endpoint: number, bytes: Buffer): void {
    this.inbox.set(endpoint, Buffer.concat([this.inbox.get(endpoint) ?? Buffer.alloc(0), bytes]));
    this.waiters.get(endpoint)?.();
    this.waiters.delete(endpoint);
  }

  private need(): void {
    if (!this.present || !this.opened) throw transportError('ENODEV', `${this.description}: gone`);
  }
}
