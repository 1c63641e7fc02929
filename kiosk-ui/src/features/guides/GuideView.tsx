import './guides.css';
import type { Guide } from './api';
import { formOf, needOf } from './wording';

/**
 * One 事项's 办事指南 in large type, everything told at once (一次性告知): 受理条件, every 申请材料 with 原件/复印件,
 * count and 容缺, then 办理时限, 收费, 办理地点 and windows, 咨询电话. The kiosk and the phone page show this same view.
 */
export function GuideView({ guide }: { guide: Guide }) {
  const facts: [string, string | undefined][] = [
    ['办理时限', guide.timeLimit],
    ['收费标准', guide.fee],
    ['办理地点', guide.place],
    ['办理窗口', guide.windows.length ? guide.windows.map((w) => `${w}号窗口`).join('、') : undefined],
    ['咨询电话', guide.phone],
  ];
  return (
    // Focusable: a long guide scrolls, and a keyboard or switch user must be able to scroll it too.
    <article className="guide" aria-label={`${guide.name}办事指南`} tabIndex={0}>
      <header className="guide-head">
        <h2 className="guide-name">{guide.name}</h2>
        <p className="guide-meta">{[guide.department, `事项编码 ${guide.code}`].filter(Boolean).join(' · ')}</p>
      </header>
      {guide.conditions ? (
        <section className="guide-section" aria-label="受理条件">
          <h3>受理条件</h3>
          <p>{guide.conditions}</p>
        </section>
      ) : null}
      <section className="guide-section" aria-label="申请材料">
        <h3>申请材料（共 {guide.materials.length} 项）</h3>
        <ol className="guide-materials">
          {guide.materials.map((m) => {
            const need = needOf(m);
            const form = formOf(m);
            return (
              <li key={m.id} className="guide-material" data-testid="guide-material">
                <span className="guide-material-name">{m.name}</span>
                {form ? <span className="guide-form">{form}</span> : null}
                <span className={`guide-need ${need.tone}`}>{need.text}</span>
                {m.note ? <span className="guide-note">{m.note}</span> : null}
              </li>
            );
          })}
        </ol>
        {guide.materials.some((m) => m.required && m.deferrable) ? (
          <p className="guide-hint">标注「可容缺」的材料，签署告知承诺书后可先行受理，在规定期限内补交。</p>
        ) : null}
      </section>
      <dl className="guide-facts">
        {facts.flatMap(([k, v]) => (v ? [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>] : []))}
      </dl>
    </article>
  );
}
