import { ESC, FS, GS } from './commands';

/**
 * Parameter byte counts of common ESC/POS commands this project does not interpret (code page, underline,
 * line spacing, barcode height, ...). The decoder still reports them as unknown, but skips them whole so
 * their parameters are not misread as text.
 */
const PARAMS: Record<number, Record<string, number>> = {
  [ESC]: { ' ': 1, '-': 1, '2': 0, '3': 1, M: 1, R: 1, t: 1, G: 1, V: 1, '{': 1, c: 2, p: 3, '=': 1, U: 1 },
  [GS]: { B: 1, H: 1, f: 1, h: 1, w: 1, L: 2, W: 2, P: 2 },
  [FS]: { '!': 1, '-': 1, W: 1, S: 2 },
};

/** Total length of the command starting with `prefix` `letter`, or undefined when not listed. */
export function knownLength(prefix: number, letter: number): number | undefined {
  const params = PARAMS[prefix]?.[String.fromCharCode(letter)];
  return params === undefined ? undefined : 2 + params;
}
