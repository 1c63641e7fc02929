import { Type, type Static } from 'typebox';
import { section, tagged } from '../../config/kit';

/** Backends name their sources differently (`ADF Front`, `Automatic Document Feeder`): data, not code. */
const sourceNames = section({
  flatbed: Type.String({ minLength: 1, default: 'Flatbed' }),
  adf: Type.String({ minLength: 1, default: 'Automatic Document Feeder' }),
});
const timeoutSeconds = Type.Integer({ minimum: 5, maximum: 600, default: 120 });

const a4 = section({
  width: Type.Number({ minimum: 50, maximum: 600, default: 210 }),
  height: Type.Number({ minimum: 50, maximum: 600, default: 297 }),
});

export const scannerConfig = tagged('driver', {
  /** The SANE test backend through scanimage when SANE is installed, an in-process stand-in otherwise. */
  simulated: { timeoutSeconds },
  sane: {
    device: Type.String({ minLength: 1, expected: 'a SANE device name such as "test" or "fujitsu:fi-7160:123"' }),
    sourceNames,
    timeoutSeconds,
  },
  /** A 高拍仪: a UVC document camera looking down at the desk, through ffmpeg (docs/READERS.md). */
  camera: {
    device: Type.String({ minLength: 1, expected: 'a V4L2 device path such as /dev/video0 or /dev/v4l/by-id/…' }),
    ffmpeg: Type.String({ minLength: 1, default: 'ffmpeg' }),
    /** The still size, e.g. "3264x2448"; absent: the largest the camera lists. */
    videoSize: Type.Optional(Type.String({ pattern: '^[0-9]+x[0-9]+$', expected: 'WIDTHxHEIGHT, e.g. 3264x2448' })),
    /** The camera's format for that size (`mjpeg`, `yuyv422`); absent: the one it lists for the largest size. */
    inputFormat: Type.Optional(Type.String({ minLength: 1 })),
    /** Frames dropped before the still, while the camera sets its exposure. */
    warmupFrames: Type.Integer({ minimum: 0, maximum: 60, default: 8 }),
    /** The page the camera is for, in millimetres (A4 by default): the straightened page's size. */
    pageMm: a4,
    timeoutSeconds,
  },
});
export type ScannerConfig = Static<typeof scannerConfig>;
