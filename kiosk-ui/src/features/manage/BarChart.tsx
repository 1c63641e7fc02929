/**
 * A hand-drawn SVG bar chart: the console needs bars by hour and by level, nothing a charting library would add
 * for its weight (it would load with /manage only, but none is installed; uPlot is what we would pick).
 */
export function BarChart({ title, bars, unit }: { title: string; bars: { label: string; value: number }[]; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 36;
  const h = 160;
  return (
    <figure className="mg-chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 ${bars.length * w + 10} ${h + 40}`} width="100%" height={h + 40}>
        {bars.map((b, i) => {
          const bh = (b.value / max) * h;
          return (
            <g key={b.label} transform={`translate(${i * w + 5}, 0)`}>
              <rect x={4} y={h - bh + 14} width={w - 8} height={bh} fill="var(--blue-700)">
                <title>{`${b.label}：${b.value}${unit}`}</title>
              </rect>
              <text x={w / 2} y={h - bh + 10} textAnchor="middle" fontSize="11">{b.value}</text>
              <text x={w / 2} y={h + 30} textAnchor="middle" fontSize="11">{b.label}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
