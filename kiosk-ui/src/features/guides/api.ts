import { get, post } from '@/shared/api/client';
import type { Guide } from '@daemon/guides/types';

/** The daemon's 一次性告知 routes (device-daemon/src/guides/plugin.ts); the answers are its own types (type-only). */
export type { Guide };
export type GuideMaterial = Guide['materials'][number];

export const searchGuides = (q: string, signal?: AbortSignal) =>
  get<{ guides: Guide[] }>(`/api/guides?q=${encodeURIComponent(q)}`, signal);
export const fetchGuide = (code: string, signal?: AbortSignal) => get<{ guide: Guide }>(`/api/guides/${encodeURIComponent(code)}`, signal);
/** The 一次性告知单 on the ticket printer, with a QR code to the phone page. */
export const printGuide = (code: string) => post<{ printed: boolean }>(`/api/guides/${encodeURIComponent(code)}/print`);
