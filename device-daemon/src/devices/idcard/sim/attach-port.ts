/** The reader's simulator goes on a pty end through the shared helper (devices/core/attach-transport.ts). */
export { attachToTransport, type AttachedDevice, type AttachOptions } from '../../core/attach-transport';
