/** The visible countdown of an inner page (ARIA role timer). */
export function Countdown({ seconds }: { seconds: number }) {
  return (
    <div className="countdown" role="timer" aria-label={`${seconds}秒后返回首页`}>
      <span className="countdown-value">{seconds}</span>
      <span className="countdown-unit">秒</span>
    </div>
  );
}
