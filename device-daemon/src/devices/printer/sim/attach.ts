import type { ByteDevice } from '../../core/loopback-transport';
import { attachToTransport } from '../../core/attach-transport';
import { SerialTransport } from '../../core/serial-transport';

export interface AttachedSimulator {
  close(): Promise<void>;
}

/**
 * Puts a simulator on the device end of a serial line (the far side of a pty pair, or a USB-serial cable to
 * a test host): bytes from the port go to the simulator, its replies go back out.
 */
export async function attachToSerialPort(device: ByteDevice, path: string, baudRate = 115200): Promise<AttachedSimulator> {
  const attached = await attachToTransport(device, new SerialTransport(path, baudRate));
  return { close: () => attached.detach() };
}
