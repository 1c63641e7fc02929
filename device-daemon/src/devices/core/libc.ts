/** A C function of glibc, as koffi returns it (its arguments and result by the prototype given). */
export type LibcFunction = (...args: unknown[]) => number;
/** glibc's function of that C prototype; throws if glibc has none by that name. */
export type LibcBinder = (prototype: string) => LibcFunction;

let loading: Promise<LibcBinder | undefined> | undefined;

/**
 * glibc through koffi (the vendor SDKs' FFI), loaded once and only when first asked for: Node has no call for
 * what the callers need (the tty's VMIN, posix_spawn). Undefined where it cannot work (not Linux, no koffi, no
 * libc.so.6), and the caller falls back to what Node offers.
 */
export function loadLibc(): Promise<LibcBinder | undefined> {
  loading ??= (async () => {
    if (process.platform !== 'linux') return undefined;
    try {
      const koffi = ((await import('koffi')) as unknown as { default: typeof import('koffi') }).default;
      const libc = koffi.load('libc.so.6');
      return (prototype: string) => libc.func(prototype) as unknown as LibcFunction;
    } catch {
      return undefined;
    }
  })();
  return loading;
}
