import { useEffect, useState } from 'react';
import { useQuery } from '../../shared/api/use-query';
import { fetchReasons } from './api';

/**
 * The reasons of a bad rating: large toggles from the configured list, and a field to type one's own.
 * Reports the chosen reasons (typed text included) on every change.
 */
export function ReasonPicker({ onChange }: { onChange: (reasons: string[]) => void }) {
  const list = useQuery('evaluation.reasons', fetchReasons).data?.reasons ?? [];
  const [picked, setPicked] = useState<string[]>([]);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    onChange([...picked, ...(typed.trim() ? [typed.trim()] : [])]);
  }, [picked, typed, onChange]);

  const toggle = (reason: string) => setPicked((p) => (p.includes(reason) ? p.filter((x) => x !== reason) : [...p, reason]));
  return (
    <div className="ev-reasons">
      <div className="ev-reason-list" role="group" aria-label="请选择原因（可多选）">
        {list.map((reason) => (
          <button key={reason} type="button" className="ev-reason" aria-pressed={picked.includes(reason)} onClick={() => toggle(reason)}>
            {reason}
          </button>
        ))}
      </div>
      <label className="ev-typed">
        <span>其他原因</span>
        <input type="text" maxLength={100} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="可在此填写原因" />
      </label>
    </div>
  );
}
