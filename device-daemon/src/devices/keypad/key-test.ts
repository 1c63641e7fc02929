/**
 * The keypad's self-test by key presses (逐键测试): which rating levels a technician's presses reached, and
 * the CheckHealthText for it. Pure state; the driver feeds it press edges and ends it (all seen, time up,
 * device lost).
 */

/** The five levels and their words, fixed by policy (docs/PROTOCOLS.md §3), most satisfied first. */
export const LEVEL_LABEL: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

const label = (level: number) => LEVEL_LABEL[level] ?? `${level} 级`;
const byLevelDesc = (a: number, b: number) => b - a;

export type KeyTestEnd = 'complete' | 'timeout' | 'lost';

export class KeyTest {
  private readonly seen = new Set<number>();
  private readonly unmapped = new Set<number>();
  /** Levels the unit's keys carry: what a test of all keys must see. */
  readonly required: number[];

  /**
   * `keys`: the model's physical keys; `keyLevels[n-1]`: the level of key n; `need`: 'all' (逐键测试) or
   * 'any' (one press answers an invitation cycle).
   */
  constructor(
    keys: readonly number[],
    private readonly keyLevels: readonly number[],
    private readonly need: 'all' | 'any',
  ) {
    this.required = [...new Set(keys.map((k) => keyLevels[k - 1]).filter((l): l is number => l !== undefined))].sort(byLevelDesc);
  }

  /** Records a press edge of physical key `key`; true when it was news (a level or key not seen before). */
  press(key: number): boolean {
    const level = this.keyLevels[key - 1];
    const set = level === undefined ? this.unmapped : this.seen;
    const value = level ?? key;
    if (set.has(value)) return false;
    set.add(value);
    return true;
  }

  get complete(): boolean {
    return this.need === 'any' ? this.seen.size > 0 : this.required.every((l) => this.seen.has(l));
  }

  progress(): { seen: string[]; missing: string[] } {
    return {
      seen: [...this.seen].sort(byLevelDesc).map(label),
      missing: this.required.filter((l) => !this.seen.has(l)).map(label),
    };
  }

  /** The result as the technician reads it. */
  result(end: KeyTestEnd, seconds: number): { ok: boolean; text: string } {
    const { seen, missing } = this.progress();
    const extra = this.unmapped.size ? `；未配置评价等级的按键：${[...this.unmapped].sort().join('、')}` : '';
    if (this.need === 'any') {
      if (seen.length) return { ok: true, text: `邀请评价周期正常：收到按键「${seen[0]}」` };
      const why = end === 'lost' ? '评价器在自检中断开' : `${seconds} 秒内未收到按键（该型号无语音提示输出，请在自检时按任一键）`;
      return { ok: false, text: why + extra };
    }
    if (end === 'complete') return { ok: true, text: `逐键测试通过，已检测到按键：${seen.join('、')}${extra}` };
    const prefix = end === 'lost' ? '评价器在逐键测试中断开。' : '';
    return { ok: false, text: `${prefix}已检测到按键：${seen.join('、') || '无'}；未检测到：${missing.join('、')}${extra}` };
  }
}
