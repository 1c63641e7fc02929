import { onSessionEnd } from '../store';

/** The ticket a person took in this session at the kiosk: its id (what the daemon links to) and its number. */
export interface SessionTicket {
  id: string;
  number: string;
}

/**
 * The person's ticket across flows: 取号 remembers it, 材料扫描 sends it with a submission so the window that calls
 * the ticket sees the materials (issue 13). Forgotten when the session ends; the next person has none.
 */
let ticket: SessionTicket | undefined;
const listeners = new Set<(t: SessionTicket) => void>();

export function rememberTicket(t: SessionTicket): void {
  if (ticket?.id === t.id) return;
  ticket = { id: t.id, number: t.number };
  listeners.forEach((l) => l(ticket!));
}

export const sessionTicket = (): SessionTicket | undefined => ticket;

/** Called when a ticket is taken later in the same session (scanned first, 取号 after). */
export function onSessionTicket(listener: (t: SessionTicket) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

onSessionEnd(() => {
  ticket = undefined;
});
