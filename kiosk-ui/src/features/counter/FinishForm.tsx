import { useEffect, useState } from 'react';
import { fetchMatters, type Matter } from './staff-api';

/**
 * 办结 with its 办件: the 事项 (the hall's catalogue, filtered by the ticket's category) and the 办件编号, typed
 * or scanned (a barcode gun types into the focused field and presses Enter). Both are optional.
 */
export function FinishForm({ categoryId, busy, onFinish }: {
  categoryId: string;
  busy: boolean;
  onFinish: (body: { matterCode?: string; caseNumber?: string }) => void;
}) {
  const [matters, setMatters] = useState<Matter[]>([]);
  const [matterCode, setMatterCode] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  useEffect(() => {
    fetchMatters(categoryId).then((r) => setMatters(r.matters), () => setMatters([]));
  }, [categoryId]);
  const valid = caseNumber === '' || /^[A-Za-z0-9-]{1,64}$/.test(caseNumber.trim());
  return (
    <form
      className="cp-finish"
      aria-label="办结"
      onSubmit={(e) => {
        e.preventDefault();
        onFinish({ ...(matterCode ? { matterCode } : {}), ...(caseNumber.trim() ? { caseNumber: caseNumber.trim() } : {}) });
        setCaseNumber('');
      }}
    >
      <select value={matterCode} onChange={(e) => setMatterCode(e.target.value)} aria-label="办理事项">
        <option value="">办理事项（可不选）</option>
        {matters.map((m) => (
          <option key={m.code} value={m.code}>{m.name}{m.department ? ` · ${m.department}` : ''}</option>
        ))}
      </select>
      <input value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} placeholder="输入或扫描办件编号" aria-label="办件编号" maxLength={64} />
      <button type="submit" className="cp-primary" disabled={busy || !valid}>办结</button>
    </form>
  );
}
