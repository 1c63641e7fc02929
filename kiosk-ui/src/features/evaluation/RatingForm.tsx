import { useCallback, useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { submitRating, type Channel, type Evaluation } from './api';
import { LevelChoices } from './LevelChoices';
import { ReasonPicker } from './ReasonPicker';
import { levelName, needsReason, stars } from './levels';

/**
 * The whole rating in one panel (the phone page, `channel: 'qr'`): five choices, reasons for a bad one,
 * submit. The kiosk uses the same pieces as separate screens.
 */
export function RatingForm({ ticketId, channel, onRecorded }: { ticketId: string; channel: Channel; onRecorded: (e: Evaluation | null) => void }) {
  const [level, setLevel] = useState<number>();
  const [reasons, setReasons] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onReasons = useCallback((r: string[]) => setReasons(r), []);

  const submit = async (chosen: number, why: string[]) => {
    setBusy(true);
    setError(undefined);
    try {
      onRecorded((await submitRating({ ticketId, level: chosen, channel, ...(why.length ? { reasons: why } : {}) })).evaluation);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_RATED') onRecorded(null);
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (level === undefined || !needsReason(level)) {
    return (
      <div className="ev-form">
        <LevelChoices disabled={busy} onChoose={(l) => (needsReason(l) ? setLevel(l) : void submit(l, []))} />
        {error ? <p className="ev-error" role="alert">{error}</p> : null}
      </div>
    );
  }
  return (
    <div className="ev-form">
      <p className="ev-lead">
        <span className="ev-stars" aria-hidden="true">{stars(level)}</span> <strong>{levelName(level)}</strong>：请告诉我们原因
      </p>
      <ReasonPicker onChange={onReasons} native={channel === 'qr'} />
      {error ? <p className="ev-error" role="alert">{error}</p> : null}
      <div className="ev-form-actions">
        <button type="button" className="secondary-button" onClick={() => setLevel(undefined)} disabled={busy}>
          重新选择
        </button>
        <button type="button" className="primary-button" disabled={reasons.length === 0 || busy} onClick={() => void submit(level, reasons)}>
          提交评价
        </button>
      </div>
    </div>
  );
}
