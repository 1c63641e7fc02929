/** A clear picture of what to do: an ID card lying flat on the reader's sensing area, with signal arcs. */
export function CardOnReader({ done = false }: { done?: boolean }) {
  return (
    <svg className="card-on-reader" viewBox="0 0 320 220" role="img" aria-label="将身份证平放在读卡器感应区上">
      <rect x="40" y="120" width="240" height="80" rx="14" fill="#3b4a5f" />
      <rect x="70" y="132" width="180" height="52" rx="8" fill="#56708f" />
      <text x="160" y="166" textAnchor="middle" fontSize="16" fill="#dbe6f3">感应区</text>
      <g className={done ? '' : 'card-on-reader-card'}>
        <rect x="78" y="40" width="164" height="102" rx="10" fill="#e9f1fb" stroke="#2f6fb3" strokeWidth="3" />
        <rect x="92" y="56" width="40" height="50" rx="4" fill="#b9cde4" />
        <rect x="144" y="60" width="84" height="8" rx="4" fill="#7f9cc0" />
        <rect x="144" y="76" width="70" height="8" rx="4" fill="#7f9cc0" />
        <rect x="144" y="92" width="78" height="8" rx="4" fill="#7f9cc0" />
        <rect x="92" y="118" width="136" height="10" rx="5" fill="#7f9cc0" />
      </g>
      {done ? (
        <path d="M130 92 l20 20 l40 -44" fill="none" stroke="#1f9d55" strokeWidth="12" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <g fill="none" stroke="#2f6fb3" strokeWidth="5" strokeLinecap="round" className="card-on-reader-waves">
          <path d="M262 66 a30 30 0 0 1 0 44" />
          <path d="M276 54 a48 48 0 0 1 0 68" />
        </g>
      )}
    </svg>
  );
}
