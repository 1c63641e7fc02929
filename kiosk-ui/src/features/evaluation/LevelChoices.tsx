import { LEVELS, stars } from './levels';

/**
 * Five large choices with their stars. Each button's accessible name is the level name alone
 * («非常满意» ... «非常不满意»): the stars are decoration for the eye.
 */
export function LevelChoices({ onChoose, disabled = false }: { onChoose: (level: number) => void; disabled?: boolean }) {
  return (
    <div className="ev-levels" role="group" aria-label="请选择满意程度">
      {LEVELS.map(({ level, name }) => (
        <button key={level} type="button" className={`ev-level ev-level-${level}`} disabled={disabled} onClick={() => onChoose(level)}>
          <span className="ev-stars" aria-hidden="true">
            {stars(level)}
          </span>
          <span className="ev-level-name">{name}</span>
        </button>
      ))}
    </div>
  );
}
