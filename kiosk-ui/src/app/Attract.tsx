/** The attract screen (after a while untouched at home, app/idle.ts): its own chunk, loaded when first shown. */
export function Attract({ hallName, onDismiss }: { hallName: string; onDismiss: () => void }) {
  return (
    // Named by its visible text (WCAG 2.5.3 label in name): «请触摸屏幕开始», the hall's own words on screen.
    <button type="button" className="attract" onClick={onDismiss}>
      <span className="attract-hall" aria-hidden="true">{hallName}</span>
      <span className="attract-title" aria-hidden="true">政务服务 自助办理</span>
      <span className="attract-list" aria-hidden="true">取号 · 好差评 · 材料扫描</span>
      <span className="attract-touch">请触摸屏幕开始</span>
    </button>
  );
}
