/**
 * A USB device seen as its bulk endpoints: what the `sam-usb` transport needs and no more, so the production
 * device (libusb through the `usb` package) and the test device (the simulator behind the same endpoint split)
 * are interchangeable.
 *
 * Obligations of an implementation:
 * - `open()` finds, opens and claims the device; rejects with an Error whose `code` is ENOENT (not plugged in),
 *   EACCES (no permission: the udev rule is missing) or EBUSY (claimed by another process or a kernel driver).
 * - `transferOut` resolves once the bytes went out on that endpoint.
 * - `transferIn` resolves with up to `length` bytes from that endpoint, or an empty buffer when nothing came
 *   within `timeoutMs`; it rejects when the device is gone.
 * - Hot-plug: `onDetach` listeners run when this device is unplugged, `onAttach` listeners when a device with
 *   the same ids is plugged in; each returns its unsubscribe function.
 */
export interface BulkDevice {
  readonly description: string;
  open(): Promise<void>;
  close(): Promise<void>;
  transferOut(endpoint: number, bytes: Uint8Array): Promise<void>;
  transferIn(endpoint: number, length: number, timeoutMs: number): Promise<Buffer>;
  onDetach(listener: () => void): () => void;
  onAttach(listener: () => void): () => void;
}

/** The endpoints of a SAM module in USB mode (the vendor document: header and body on separate pairs). */
export interface SamEndpoints {
  headerOut: number;
  headerIn: number;
  bodyOut: number;
  bodyIn: number;
}

export const VENDOR_DOCUMENT_ENDPOINTS: SamEndpoints = { headerOut: 0x02, headerIn: 0x81, bodyOut: 0x06, bodyIn: 0x85 };
