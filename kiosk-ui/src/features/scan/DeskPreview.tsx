import { useEffect, useState } from 'react';

/** How often the desk picture is refreshed: about two frames a second is enough to place a page by. */
const REFRESH_MS = 600;

/**
 * The 高拍仪's live picture of the desk, so the person can put the page inside the frame before «开始扫描».
 * Only a document camera has one: the first frame that fails (a flatbed answers 404) hides it for the visit. It pauses while a page is being
 * taken (the camera is busy then) and is an image, not data: nothing of it is kept.
 */
export function DeskPreview({ paused }: { paused: boolean }) {
  const [frame, setFrame] = useState(0);
  const [absent, setAbsent] = useState(false);
  useEffect(() => {
    if (paused || absent) return;
    const timer = setInterval(() => setFrame((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [paused, absent]);
  if (absent) return null;
  return (
    <figure className="desk-preview">
      <img src={`/api/scan/preview?width=640&frame=${frame}`} alt="高拍仪实时画面" onError={() => setAbsent(true)} />
      <figcaption>请把材料平放在台面框内，正面朝上</figcaption>
    </figure>
  );
}
