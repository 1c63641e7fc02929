import type { ByteDevice } from '../../core/loopback-transport';

export interface AttachedSimulator {
  close(): Promise<void>;
}

/**
 * Puts a simulator on the device end of a serial line (the far side of a pty pair, or a USB-serial cable to
 * a test host): bytes from the port go to the simulator, its replies go back out.
 */
export async function attachToSerialPort(device: ByteDevice, path: string, baudRate = 115200): Promise<AttachedSimulator> {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  port.on('data', (chunk: Buffer) => device.receive(chunk));
  port.on('error', () => undefined);
  device.connect((bytes) => {
    if (port.isOpen) port.write(bytes);
  });
  return {
    async close() {
      device.disconnect();
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}
