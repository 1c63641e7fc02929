/**
 * The HID transport contract: whole input reports in, optional output reports out. HID is report-framed,
 * so this is not a ByteTransport (devices/core/transport.ts), whose chunks may split anywhere.
 *
 * Obligations of an implementation:
 * - `open()` resolves once reports flow; rejects with an Error whose `code` is 'ENOENT' (no such device),
 *   'EACCES' (no permission on the hidraw node) or 'EBUSY' when it can tell.
 * - Every input report reaches every `report` listener whole, in order, exactly as read from the device
 *   (report ID first for units with numbered reports).
 * - `write()` sends one output report (report ID first, 0x00 for a unit without numbered reports) and
 *   rejects when the device refuses it or is not open.
 * - `close` is emitted exactly once per successful open, with an error when the device vanished; after it
 *   `isOpen` is false and the transport may be opened again.
 * - `present()` tells whether the opened unit is still attached, without sending it anything (enumeration).
 */
export interface HidTransport {
  /** Human description for health pages and logs, e.g. `hid 0483:5750`. */
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  write(report: Uint8Array): Promise<void>;
  present(): Promise<boolean>;
  on(event: 'report', listener: (report: Buffer) => void): this;
  on(event: 'close', listener: (err?: Error) => void): this;
  off(event: 'report', listener: (report: Buffer) => void): this;
  off(event: 'close', listener: (err?: Error) => void): this;
}

/** The far end a simulated unit implements: it receives output reports and sends input reports. */
export interface HidDevice {
  receiveOutput(report: Buffer): void;
  connect(send: (report: Buffer) => void): void;
  disconnect(): void;
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');
