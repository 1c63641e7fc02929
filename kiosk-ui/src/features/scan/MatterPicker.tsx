import type { Matter } from './api';

/** ① 选择办理事项: one large choice per matter, the first chosen at the start. */
export function MatterPicker(props: { matters: Matter[]; selected?: string; locked: boolean; onSelect(matter: Matter): void }) {
  return (
    <div className="scan-matters" role="radiogroup" aria-label="办理事项">
      <h2 className="scan-step">① 办理事项</h2>
      {props.matters.map((m) => (
        <button
          key={m.id}
          type="button"
          role="radio"
          aria-checked={m.id === props.selected}
          className={`scan-matter${m.id === props.selected ? ' selected' : ''}`}
          disabled={props.locked}
          onClick={() => props.onSelect(m)}
        >
          {m.name}
        </button>
      ))}
      <p className="scan-hint">更换事项会清除已扫描的页面（会先询问您）</p>
    </div>
  );
}
