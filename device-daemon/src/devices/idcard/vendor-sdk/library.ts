import { transportError } from '../../core/transport';

/**
 * What the kiosk asks of a vendor library, whichever family it is: the SAM-level steps, each answered with the
 * SAM's own status byte (SW3), so the card cycle above runs unchanged. `text` is the 256-byte UCS-2LE block and
 * `photo` the WLT bytes, exactly as a SAM module sends them.
 */
export interface VendorReader {
  open(): Promise<void>;
  close(): Promise<void>;
  samStatus(): Promise<number>;
  /** SW3 and the 16 raw SAM id bytes, when the family offers them. */
  samId(): Promise<{ sw3: number; id?: Buffer }>;
  find(): Promise<number>;
  select(): Promise<number>;
  read(): Promise<{ sw3: number; text?: Buffer; photo?: Buffer }>;
}

/** koffi, loaded on first use so a kiosk without a vendor reader never loads it. */
export type Koffi = typeof import('koffi');
export type KoffiLibrary = ReturnType<Koffi['load']>;
/** A bound C function, called on koffi's worker thread so a slow read never blocks the event loop. */
export type Bound = ((...args: unknown[]) => unknown) & { async: (...args: unknown[]) => void };

export async function loadLibrary(path: string): Promise<{ koffi: Koffi; lib: KoffiLibrary }> {
  const koffi = ((await import('koffi')) as unknown as { default: Koffi }).default;
  try {
    return { koffi, lib: koffi.load(path) };
  } catch (err) {
    const text = (err as Error).message;
    throw transportError(/No such file|cannot open/i.test(text) ? 'ENOENT' : 'EIO', `vendor library ${path}: ${text}`);
  }
}

/** Runs a bound function on the worker thread and resolves with its return value. */
export function callAsync<T>(fn: Bound, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => fn.async(...args, (err: Error | null, value: T) => (err ? reject(err) : resolve(value))));
}

/** Binds `prototype` (C syntax), naming the symbol in the error when the library lacks it. */
export function bind(lib: KoffiLibrary, path: string, prototype: string): Bound {
  try {
    return lib.func(prototype) as unknown as Bound;
  } catch (err) {
    throw transportError('EIO', `vendor library ${path} does not export what its family needs (${prototype}): ${(err as Error).message}`);
  }
}
