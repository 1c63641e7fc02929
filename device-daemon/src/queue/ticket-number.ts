/**
 * The number a ticket shows and is called by: its category's letter and its sequence of the day, at least three
 * digits (A001 … A999; a category allowed more goes on A1000). The one-statement SQL writes the same into the row.
 */
export const ticketNumber = (categoryId: string, seq: number): string => `${categoryId}${String(seq).padStart(3, '0')}`;
