import type { RawImage } from '../codec/pnm';
import type { Mat, OpenCv } from './cv';

/** A corner of the page in the photo, in pixels. */
export interface Point {
  x: number;
  y: number;
}

/** The page's corners: top-left, top-right, bottom-right, bottom-left (as the page will be read). */
export type Quad = [Point, Point, Point, Point];

/** Detection runs on a copy this many pixels on its long side: edges of a page survive, sensor noise does not. */
const DETECT_LONG_SIDE = 800;
/** The outer contour of an edge runs this far outside the page (Canny marks the dark side of the step too). */
const EDGE_OUTSIDE_PX = 1.5;
/** A page fills at least this share of the frame under a 高拍仪 (the camera sits at a fixed height). */
const MIN_PAGE_SHARE = 0.1;

/**
 * Finds the page in a photo of the desk: edges (Canny) closed by a dilation, the outer contours, and the
 * largest one that is (or whose convex hull approximates to) a convex quadrilateral. Undefined when there is
 * no such outline: nothing on the desk, or a page cut by the frame's edge.
 */
export function findPage(cv: OpenCv, photo: RawImage): Quad | undefined {
  const mats: { delete(): void }[] = [];
  const keep = <T extends { delete(): void }>(m: T) => (mats.push(m), m);
  try {
    const scale = Math.min(1, DETECT_LONG_SIDE / Math.max(photo.width, photo.height));
    const gray = keep(toGray(cv, photo, keep));
    const small = keep(new cv.Mat());
    cv.resize(gray, small, new cv.Size(Math.round(photo.width * scale), Math.round(photo.height * scale)), 0, 0, cv.INTER_AREA);
    cv.GaussianBlur(small, small, new cv.Size(5, 5), 0);
    const edges = keep(new cv.Mat());
    cv.Canny(small, edges, 50, 150);
    // Closing (dilate, then erode) joins an outline broken by glare without moving it outwards.
    const kernel = keep(cv.Mat.ones(3, 3, cv.CV_8UC1));
    cv.dilate(edges, edges, kernel);
    cv.erode(edges, edges, kernel);
    const contours = keep(new cv.MatVector());
    cv.findContours(edges, contours, keep(new cv.Mat()), cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    const minArea = MIN_PAGE_SHARE * small.rows * small.cols;
    let best: { area: number; quad: Quad } | undefined;
    for (let i = 0; i < contours.size(); i++) {
      const c = keep(contours.get(i));
      const hull = keep(new cv.Mat());
      cv.convexHull(c, hull, false, true);
      const area = cv.contourArea(hull);
      if (area < minArea || (best && area <= best.area)) continue;
      const approx = keep(new cv.Mat());
      cv.approxPolyDP(hull, approx, 0.02 * cv.arcLength(hull, true), true);
      if (approx.rows !== 4 || !cv.isContourConvex(approx)) continue;
      const pts = [0, 1, 2, 3].map((k) => ({ x: approx.data32S[2 * k]!, y: approx.data32S[2 * k + 1]! }));
      best = { area, quad: orderCorners(inset(pts, EDGE_OUTSIDE_PX).map((p) => ({ x: p.x / scale, y: p.y / scale }))) };
    }
    return best?.quad;
  } finally {
    for (const m of mats.reverse()) m.delete();
  }
}

/**
 * Straightens and crops: maps the quad onto a `width` × `height` upright page (perspective correction, which
 * also removes any rotation on the desk) and returns it with `channels` channels.
 */
export function straighten(cv: OpenCv, photo: RawImage, quad: Quad, width: number, height: number, channels: 1 | 3): RawImage {
  const mats: { delete(): void }[] = [];
  const keep = <T extends { delete(): void }>(m: T) => (mats.push(m), m);
  try {
    const src = keep(channels === 1 ? toGray(cv, photo, keep) : toMat(cv, photo));
    const from = keep(cv.matFromArray(4, 1, cv.CV_32FC2, quad.flatMap((p) => [p.x, p.y])));
    const to = keep(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]));
    const m = keep(cv.getPerspectiveTransform(from, to));
    const out = keep(new cv.Mat());
    cv.warpPerspective(src, out, m, new cv.Size(width, height), cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(255, 255, 255, 255));
    return { width, height, channels, data: Buffer.from(out.data) };
  } finally {
    for (const m of mats.reverse()) m.delete();
  }
}

/** Orders four points as top-left, top-right, bottom-right, bottom-left (by the sums and differences of x and y). */
export function orderCorners(pts: Point[]): Quad {
  const by = (f: (p: Point) => number, pick: 'min' | 'max') =>
    pts.reduce((a, b) => ((pick === 'min' ? f(b) < f(a) : f(b) > f(a)) ? b : a));
  return [by((p) => p.x + p.y, 'min'), by((p) => p.x - p.y, 'max'), by((p) => p.x + p.y, 'max'), by((p) => p.x - p.y, 'min')];
}

/** Moves each corner `by` pixels towards the centre, along the diagonal. */
function inset(pts: Point[], by: number): Point[] {
  const cx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  return pts.map((p) => {
    const d = Math.hypot(cx - p.x, cy - p.y) || 1;
    return { x: p.x + ((cx - p.x) * by * Math.SQRT2) / d, y: p.y + ((cy - p.y) * by * Math.SQRT2) / d };
  });
}

/** Side lengths of the quad: whether the page lies in landscape. */
export function isLandscape(q: Quad): boolean {
  const d = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  return d(q[0], q[1]) + d(q[3], q[2]) > d(q[0], q[3]) + d(q[1], q[2]);
}

function toMat(cv: OpenCv, img: RawImage): Mat {
  const mat = new cv.Mat(img.height, img.width, img.channels === 3 ? cv.CV_8UC3 : cv.CV_8UC1);
  mat.data.set(img.data.subarray(0, img.width * img.height * img.channels));
  return mat;
}

function toGray(cv: OpenCv, img: RawImage, keep: <T extends { delete(): void }>(m: T) => T): Mat {
  const mat = toMat(cv, img);
  if (img.channels === 1) return mat;
  keep(mat);
  const gray = new cv.Mat();
  cv.cvtColor(mat, gray, cv.COLOR_RGB2GRAY);
  return gray;
}
