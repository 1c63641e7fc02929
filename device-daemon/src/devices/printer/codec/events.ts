import type { Align } from './document';
import type { StatusKind } from './commands';

export interface Style {
  align: Align;
  width: number;
  height: number;
  bold: boolean;
}

/** What a printer made of the bytes. `length` is how many bytes the command took (text: with its LF). */
export type DecodedEvent = { length: number } & (
  | { type: 'init' }
  | { type: 'chinese-mode'; on: boolean }
  | ({ type: 'text'; text: string } & Style)
  | { type: 'feed'; lines: number }
  | { type: 'feed-dots'; dots: number }
  | { type: 'qr'; data: string; moduleSize: number; errorCorrection: string; align: Align }
  | { type: 'raster'; width: number; height: number; data: Uint8Array; align: Align }
  | { type: 'cut'; partial: boolean; feedLines: number }
  | { type: 'status-request'; n: StatusKind }
  | { type: 'asb'; mask: number }
  /** A mode or QR setting that prints nothing by itself (`ESC a`, `GS !`, `GS ( k fn 67`, ...). */
  | { type: 'setting'; command: string; value: number }
  /** Text in the buffer thrown away by ESC @ (a real printer discards it too). */
  | { type: 'discarded'; text: string }
  /** A command this decoder does not know: reported with its leading bytes, never silently eaten. */
  | { type: 'unknown'; bytes: number[] }
);

