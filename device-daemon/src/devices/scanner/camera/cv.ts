import { createRequire } from 'node:module';

/**
 * OpenCV (the `@techstark/opencv-js` build: OpenCV compiled to WebAssembly, no native build, no system
 * library), loaded on the first capture so a kiosk with a flatbed scanner never pays for it: about 1.7 s and
 * 100 MB of memory once, measured on the project's CI machine. Typed here with the few calls the page finder
 * makes, because the package's own types come from another package.
 */
export interface Mat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32S: Int32Array;
  delete(): void;
}
export interface MatVector {
  size(): number;
  get(i: number): Mat;
  delete(): void;
}
export interface OpenCv {
  Mat: { new (): Mat; new (rows: number, cols: number, type: number): Mat; ones(rows: number, cols: number, type: number): Mat };
  MatVector: new () => MatVector;
  Size: new (w: number, h: number) => unknown;
  Point: new (x: number, y: number) => unknown;
  Scalar: new (...v: number[]) => unknown;
  matFromArray(rows: number, cols: number, type: number, values: number[]): Mat;
  CV_8UC1: number;
  CV_8UC3: number;
  CV_32FC2: number;
  COLOR_RGB2GRAY: number;
  RETR_EXTERNAL: number;
  CHAIN_APPROX_SIMPLE: number;
  INTER_AREA: number;
  INTER_LINEAR: number;
  BORDER_CONSTANT: number;
  cvtColor(src: Mat, dst: Mat, code: number): void;
  resize(src: Mat, dst: Mat, size: unknown, fx: number, fy: number, interpolation: number): void;
  GaussianBlur(src: Mat, dst: Mat, size: unknown, sigma: number): void;
  Canny(src: Mat, dst: Mat, low: number, high: number): void;
  dilate(src: Mat, dst: Mat, kernel: Mat): void;
  erode(src: Mat, dst: Mat, kernel: Mat): void;
  findContours(src: Mat, contours: MatVector, hierarchy: Mat, mode: number, method: number): void;
  contourArea(c: Mat): number;
  arcLength(c: Mat, closed: boolean): number;
  approxPolyDP(c: Mat, out: Mat, epsilon: number, closed: boolean): void;
  isContourConvex(c: Mat): boolean;
  convexHull(c: Mat, out: Mat, clockwise: boolean, returnPoints: boolean): void;
  getPerspectiveTransform(src: Mat, dst: Mat): Mat;
  warpPerspective(src: Mat, dst: Mat, m: Mat, size: unknown, flags: number, border: number, value: unknown): void;
}

let loading: Promise<{ cv: OpenCv }> | undefined;

/**
 * The OpenCV runtime, ready. The module object has a `then` of its own (Emscripten's), so it is loaded with
 * `require` (an `import()` of it would be awaited as a thenable and never settle) and handed out wrapped.
 */
export function openCv(): Promise<{ cv: OpenCv }> {
  loading ??= new Promise((resolve, reject) => {
    try {
      const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv & { onRuntimeInitialized?: () => void };
      if (typeof cv.Mat === 'function') resolve({ cv });
      else cv.onRuntimeInitialized = () => resolve({ cv });
    } catch (err) {
      loading = undefined;
      reject(new Error(`the document camera needs the @techstark/opencv-js package, which cannot be loaded: ${(err as Error).message}`));
    }
  });
  return loading;
}
