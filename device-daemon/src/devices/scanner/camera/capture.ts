/**
 * ffmpeg command lines for the 高拍仪 and the parsing of what ffmpeg says about a V4L2 camera. Pure: no process
 * is started here.
 *
 * Why ffmpeg (not GStreamer): one program that Debian ships as one package, whose v4l2 input lists a camera's
 * sizes (`-list_formats all`), captures one still at the size asked, and whose `lavfi` and image inputs stand
 * in for a camera in tests with nothing else changed; GStreamer would need a pipeline per case and several
 * plugin packages for the same.
 */

/** A still or preview size offered by the camera. */
export interface FrameSize {
  width: number;
  height: number;
  /** `mjpeg` (compressed) or the raw pixel format (`yuyv422`). */
  format: string;
}

/**
 * Reads `ffmpeg -f v4l2 -list_formats all -i DEV` (stderr): lines such as
 * `[video4linux2,v4l2 @ 0x…] Compressed:       mjpeg :          Motion-JPEG : 3264x2448 2592x1944 1920x1080`.
 */
export function parseFormats(stderr: string): FrameSize[] {
  const out: FrameSize[] = [];
  for (const line of stderr.split('\n')) {
    const m = /(Raw|Compressed)\s*:\s*(\S+)\s*:[^:]*:\s*(.*)$/.exec(line);
    if (!m) continue;
    for (const size of m[3]!.matchAll(/(\d+)x(\d+)/g)) out.push({ format: m[2]!, width: Number(size[1]), height: Number(size[2]) });
  }
  return out;
}

/**
 * The camera's highest still resolution: the largest size it offers, MJPEG preferred at equal size (raw
 * frames of a document camera's sensor come at one or two frames a second over USB 2, or not at all).
 */
export function largestStill(sizes: readonly FrameSize[]): FrameSize | undefined {
  const area = (s: FrameSize) => s.width * s.height;
  return [...sizes].sort((a, b) => area(b) - area(a) || Number(b.format === 'mjpeg') - Number(a.format === 'mjpeg'))[0];
}

/** The input arguments for a V4L2 camera at a given size. */
export function v4l2Input(device: string, size?: FrameSize): string[] {
  const args = ['-f', 'v4l2'];
  if (size) args.push('-input_format', size.format, '-video_size', `${size.width}x${size.height}`);
  return [...args, '-i', device];
}

/**
 * One frame as PPM on stdout. `warmupFrames` are dropped first: a UVC camera sets its exposure and white
 * balance over its first frames, and the first one is often dark.
 */
export function stillArgs(input: readonly string[], warmupFrames: number): string[] {
  const select = warmupFrames > 0 ? ['-vf', `select=gte(n\\,${warmupFrames})`] : [];
  return ['-hide_banner', '-loglevel', 'error', ...input, ...select, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'ppm', '-'];
}

/** One small JPEG frame for the live preview (the person placing the page sees the desk). */
export function previewArgs(input: readonly string[], width: number): string[] {
  return ['-hide_banner', '-loglevel', 'error', ...input, '-vf', `scale=${width}:-2`, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '6', '-'];
}

/** What went wrong when ffmpeg could not deliver a frame, as the SANE status the scanner driver understands. */
export function captureFailure(stderr: string): { status: number; text: string } {
  const text = stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'ffmpeg delivered no frame';
  if (/No such file|No such device|Cannot open video device/i.test(stderr)) return { status: 1, text: `open of device failed: ${text}` };
  if (/busy/i.test(stderr)) return { status: 3, text };
  if (/Permission denied/i.test(stderr)) return { status: 11, text };
  return { status: 9, text };
}
