/**
 * Text that leaves the daemon on a public route: no file system paths, no host names of the machine, no errno or
 * library codes. Device reasons and error messages pass through here before /api/health shows them; the
 * technician's views (/api/maintenance/…) keep the whole text.
 */
export function publicText(text: string): string {
  return text
    .replace(/(?:[A-Za-z]:)?(?:\/[\w.@%+-]+){2,}\/?/g, '[路径]')
    .replace(/\b(?:E[A-Z]{2,}|FST_[A-Z_]+|ERR_[A-Z_]+)\b/g, '')
    .replace(/\(\s*[:：]?\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
