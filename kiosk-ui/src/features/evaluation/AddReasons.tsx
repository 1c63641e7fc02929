import { useCallback, useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { addReasons, type Evaluation } from './api';
import { ReasonPicker } from './ReasonPicker';

/**
 * A 不满意 / 非常不满意 pressed on the window's keypad has no reasons yet (the keypad has no screen): the phone
 * page and the kiosk ask for them afterwards, so the 差评 can be followed up.
 */
export function AddReasons({ evaluation, onAdded }: { evaluation: Evaluation; onAdded: (e: Evaluation) => void }) {
  const [reasons, setReasons] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onChange = useCallback((r: string[]) => setReasons(r), []);
  return (
    <div className="ev-add-reasons">
      <p className="ev-lead">您在窗口评价器上选择了“{evaluation.levelName}”，请告诉我们原因，以便整改</p>
      <ReasonPicker onChange={onChange} />
      {error ? <p className="ev-error" role="alert">{error}</p> : null}
      <button
        type="button"
        className="primary-button"
        disabled={busy || reasons.length === 0}
        onClick={() => {
          setBusy(true);
          addReasons(evaluation.id, reasons).then(
            (r) => onAdded(r.evaluation),
            (err: ApiError) => {
              setError(err.message);
              setBusy(false);
            },
          );
        }}
      >
        提交原因
      </button>
    </div>
  );
}
