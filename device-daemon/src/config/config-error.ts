/**
 * The one-line configuration error: the key, the value and what was expected. `server.ts` prints its message
 * and exits 78; the doctor shows it as a FAIL with the key to fix.
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID' as const;
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`invalid configuration: ${path || '(root)'} = ${show(value)}; expected ${expected}`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  // A URL's user:password@ never reaches the console or the journal, even when it is what is wrong.
  const text = JSON.stringify(value).replace(/(\/\/)[^/@"\s]*@/g, '$1***@');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
