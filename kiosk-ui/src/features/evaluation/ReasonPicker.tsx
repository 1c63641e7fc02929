import { useEffect, useState } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { TextInput } from '@/shared/kiosk';
import { fetchReasons } from './api';

/** 常用语 of the keyboard: pieces of a reason, so few people need to type pinyin at all. */
const PHRASES = ['工作人员', '态度不好', '等候时间太长', '材料要求不清楚', '多次跑腿', '设备无法使用', '希望改进'];

/**
 * The reasons of a bad rating: large toggles from the configured list, and a field to type one's own (the
 * kiosk's on-screen pinyin keyboard; a phone's own keyboard on the phone page).
 * Reports the chosen reasons (typed text included) on every change.
 */
export function ReasonPicker({ onChange, native = false }: { onChange: (reasons: string[]) => void; native?: boolean }) {
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
      <div className="ev-typed">
        <TextInput label="其他原因" value={typed} onChange={setTyped} maxLength={100} placeholder="可在此填写原因" phrases={PHRASES} native={native} />
      </div>
    </div>
  );
}
