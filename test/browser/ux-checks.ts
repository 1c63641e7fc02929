import type { Locator, Page } from 'playwright-core';

/**
 * Layout measurements for the UX tour, taken inside the page. Each returns what is wrong (empty when all is
 * well), so a failing assertion names the offending element.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Elements that stick out of the viewport sideways (outside a container that scrolls sideways on purpose). */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const vw = window.innerWidth;
    if (document.documentElement.scrollWidth > vw) found.push(`document ${document.documentElement.scrollWidth} > ${vw}`);
    const scrollsSideways = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > vw + 1 || r.left < -1) && !scrollsSideways(el)) {
        found.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(r.left)}..${Math.round(r.right)}] «${(el.textContent ?? '').slice(0, 20)}»`);
        if (found.length > 5) break;
      }
    }
    return found;
  });
}

/** Visible buttons (and button-like links) lower than `min` CSS pixels. */
export function smallButtons(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('button, a.primary-button, a.secondary-button, [role=button]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.height < min - 0.5) found.push(`«${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 16)}» ${Math.round(r.height)}px`);
    }
    return found;
  }, min);
}

/** Lines a text element takes, counted from the boxes of its text (a wrapped word gives two). */
const LINE_COUNT = `(el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const lines = [];
  for (const r of range.getClientRects()) {
    if (r.width === 0) continue;
    const mid = (r.top + r.bottom) / 2;
    if (!lines.some((l) => mid > l.top && mid < l.bottom)) lines.push({ top: r.top, bottom: r.bottom });
  }
  return lines.length;
}`;

/**
 * Short labels (a few characters without spaces, like «社会民生», «非常不满意») that wrap onto two lines or
 * are cut off: a Chinese word broken in the middle. `selector` picks the label elements.
 */
export function brokenLabels(page: Page, selector: string, maxChars = 8): Promise<string[]> {
  return page.evaluate(
    ({ selector, maxChars, lineCount }) => {
      const count = new Function(`return ${lineCount}`)() as (el: Element) => number;
      const found: string[] = [];
      for (const el of document.querySelectorAll(selector)) {
        const text = (el as HTMLElement).innerText?.trim() ?? '';
        const r = el.getBoundingClientRect();
        if (!text || r.width === 0) continue;
        const clipped = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
        if (clipped) found.push(`«${text}» clipped (${el.scrollWidth} > ${el.clientWidth})`);
        else if (text.length <= maxChars && count(el) > 1) found.push(`«${text}» wraps`);
      }
      return found;
    },
    { selector, maxChars, lineCount: LINE_COUNT },
  );
}

/** Pairs of visible buttons whose visible parts overlap (one hides part of the other); within an open modal only. */
export function overlappingButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The part of an element its clipping ancestors (scrolling lists, the page body) let through.
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue;
        const c = p.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
      return { left, top, right, bottom, width: right - left, height: bottom - top };
    };
    // Under a modal dialog the page is out of reach: only the dialog's own buttons can collide with each other.
    const scope = document.querySelector('[aria-modal="true"]') ?? document;
    const boxes = [...scope.querySelectorAll('button')]
      .map((el) => ({ el, r: visible(el) }))
      // A button laid out but not drawn (取号's screen kept ready under home, app/Shell.tsx) hides nothing.
      .filter(({ r, el }) => r.width > 0 && r.height > 0 && !el.classList.contains('attract') && getComputedStyle(el).visibility !== 'hidden');
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ix > 2 && iy > 2 && !boxes[i]!.el.contains(boxes[j]!.el) && !boxes[j]!.el.contains(boxes[i]!.el)) {
          found.push(`«${boxes[i]!.el.textContent?.trim().slice(0, 10)}» / «${boxes[j]!.el.textContent?.trim().slice(0, 10)}»`);
        }
      }
    }
    return found;
  });
}

/** The boxes of «返回», «首页» and the countdown of the inner page on screen. */
export async function navBoxes(page: Page): Promise<Record<'back' | 'home' | 'timer', Box | null>> {
  const nav = page.locator('.inner-nav');
  return {
    back: await nav.getByRole('button', { name: /返回/ }).boundingBox(),
    home: await nav.getByRole('button', { name: /首页/ }).boundingBox(),
    timer: await nav.getByRole('timer').boundingBox(),
  };
}

/** Whether all of an element shows without scrolling: no clipping ancestor (a scrolled body) cuts any of it. */
export function fullyInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflow === 'visible') continue;
      const c = p.getBoundingClientRect();
      if (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5 || r.left < c.left - 0.5 || r.right > c.right + 0.5) return false;
    }
    return true;
  });
}
