import { describe, expect, it } from 'vitest';
import { captureFailure, largestStill, parseFormats, stillArgs, v4l2Input } from './capture';

// What ffmpeg 5.1 (Debian 12) prints for a UVC document camera with -list_formats all.
const LISTING = `[video4linux2,v4l2 @ 0x55d0c8a4e6c0] Compressed:       mjpeg :          Motion-JPEG : 3264x2448 2592x1944 1920x1080 1280x720 640x480
[video4linux2,v4l2 @ 0x55d0c8a4e6c0] Raw       :     yuyv422 :           YUYV 4:2:2 : 3264x2448 640x480
/dev/video0: Immediate exit requested`;

describe('ffmpeg and the V4L2 camera', () => {
  it('reads the sizes a camera lists and picks its highest still resolution, MJPEG at equal size', () => {
    const sizes = parseFormats(LISTING);
    expect(sizes).toHaveLength(7);
    expect(largestStill(sizes)).toEqual({ format: 'mjpeg', width: 3264, height: 2448 });
    expect(largestStill([])).toBeUndefined();
  });

  it('captures one still after the warm-up frames, as PPM on stdout', () => {
    const input = v4l2Input('/dev/video0', { format: 'mjpeg', width: 3264, height: 2448 });
    expect(input).toEqual(['-f', 'v4l2', '-input_format', 'mjpeg', '-video_size', '3264x2448', '-i', '/dev/video0']);
    expect(stillArgs(input, 8).join(' ')).toBe(
      '-hide_banner -loglevel error -f v4l2 -input_format mjpeg -video_size 3264x2448 -i /dev/video0 -vf select=gte(n\\,8) -frames:v 1 -f image2pipe -c:v ppm -',
    );
  });

  it('tells a missing, a busy and a forbidden camera apart (SANE statuses 1, 3, 11)', () => {
    expect(captureFailure('/dev/video3: No such file or directory').status).toBe(1);
    expect(captureFailure('[video4linux2] ioctl(VIDIOC_STREAMON): Device or resource busy').status).toBe(3);
    expect(captureFailure('/dev/video0: Permission denied').status).toBe(11);
    expect(captureFailure('something else').status).toBe(9);
  });
});
