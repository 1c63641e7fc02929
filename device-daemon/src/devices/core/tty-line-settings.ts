// The tty's VMIN, which Node cannot set (its tty streams only switch raw mode on and off): SerialTransport's
// `expect` sets it so the kernel wakes the loop once a frame's bytes are there (docs/PERFORMANCE.md).
import { loadLibc } from './libc';

/**
 * Sets a tty's VMIN through libc's termios calls (Node has no tcsetattr): `forTty` reads the settings once
 * (one ioctl), and each `setMinimum` then writes them (one more); false when a call fails.
 */
export interface LineSettings {
  forTty(fd: number): { setMinimum(minimum: number): boolean } | undefined;
}

/** glibc's struct termios on Linux: 4 flag words, c_line, c_cc[32], two speeds; VTIME c_cc[5], VMIN c_cc[6]. */
const TERMIOS_BYTES = 60;
const CC_OFFSET = 17;
const [VTIME, VMIN] = [5, 6];

let lineSettings: Promise<LineSettings | undefined> | undefined;

/** libc's tcgetattr/tcsetattr (core/libc.ts), once; undefined where either is missing. */
export function loadLineSettings(): Promise<LineSettings | undefined> {
  lineSettings ??= (async () => {
    const libc = await loadLibc();
    if (!libc) return undefined;
    try {
      const get = libc('int tcgetattr(int fd, void *termios)') as (fd: number, t: Buffer) => number;
      const set = libc('int tcsetattr(int fd, int when, void *termios)') as (fd: number, when: number, t: Buffer) => number;
      return {
        forTty(fd) {
          const termios = Buffer.alloc(TERMIOS_BYTES);
          if (get(fd, termios) !== 0) return undefined;
          return {
            setMinimum(minimum) {
              termios[CC_OFFSET + VMIN] = minimum;
              termios[CC_OFFSET + VTIME] = 0;
              return set(fd, 0 /* TCSANOW */, termios) === 0;
            },
          };
        },
      };
    } catch {
      return undefined;
    }
  })();
  return lineSettings;
}
