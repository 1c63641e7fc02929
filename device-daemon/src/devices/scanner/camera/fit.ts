import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ScannerConfig } from '../config';
import { largestStill, parseFormats, v4l2Input, type FrameSize } from './capture';
import { CameraScanTransport } from './camera-transport';

type CameraConfig = Extract<ScannerConfig, { driver: 'camera' }>;

/**
 * The production camera transport for a configuration: the V4L2 device at the configured still size, or at
 * the largest size the camera lists (asked once, on the first capture, and kept).
 */
export function cameraTransport(config: CameraConfig): CameraScanTransport & { name: string } {
  let size: Promise<FrameSize | undefined> | undefined;
  const configured = (): FrameSize | undefined => {
    if (!config.videoSize) return undefined;
    const [width, height] = config.videoSize.split('x').map(Number) as [number, number];
    return { width, height, format: config.inputFormat ?? 'mjpeg' };
  };
  const listed = () =>
    new Promise<FrameSize | undefined>((resolve) =>
      execFile(config.ffmpeg, ['-hide_banner', '-f', 'v4l2', '-list_formats', 'all', '-i', config.device], { timeout: 10_000 }, (_err, _out, stderr) => {
        const best = largestStill(parseFormats(String(stderr)));
        resolve(best && config.inputFormat ? { ...best, format: config.inputFormat } : best);
      }),
    );
  const name = `camera:${config.device}`;
  const transport = new CameraScanTransport({
    name,
    ffmpeg: config.ffmpeg,
    input: async () => {
      size ??= configured() ? Promise.resolve(configured()) : listed();
      const chosen = await size;
      if (!chosen) size = undefined; // ask again next time: the camera may have been plugged in since
      return v4l2Input(config.device, chosen);
    },
    present: () => existsSync(config.device),
    warmupFrames: config.warmupFrames,
    pageMm: config.pageMm,
  });
  return Object.assign(transport, { name });
}
