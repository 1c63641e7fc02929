/** syllable -> characters (most frequent first); syllables joined by spaces -> words. Built by scripts/ime-lexicon.ts. */
export interface Lexicon {
  chars: Record<string, string>;
  words: Record<string, string[]>;
}

export interface Candidate {
  text: string;
  /** The rest of the composition once this candidate is chosen (a character takes the first syllable only). */
  rest: string;
}

/** Typed separators between syllables: the «'» key, or a space. */
const SEPARATOR = /['\s]+/;

/**
 * Full-pinyin input over the lexicon, as phone and terminal keyboards do: the letters typed are split into
 * syllables («taidu» -> tai du; «xian» stays one syllable unless «xi'an» is typed), the last may be unfinished,
 * and each syllable may be cut to its first letters («td» -> 态度). Words matching every syllable come first,
 * then the characters of the first syllable.
 */
export class PinyinEngine {
  private readonly syllables: Set<string>;
  private readonly longest: number;
  private readonly wordList: { syllables: string[]; words: string[] }[];

  constructor(private readonly lexicon: Lexicon) {
    this.syllables = new Set(Object.keys(lexicon.chars));
    this.longest = Math.max(...[...this.syllables].map((s) => s.length));
    this.wordList = Object.entries(lexicon.words).map(([key, words]) => ({ syllables: key.split(' '), words }));
  }

  /** Splits typed letters into syllables; the last one may be a beginning («taid» -> tai, d). */
  segment(input: string): string[] {
    return input
      .toLowerCase()
      .split(SEPARATOR)
      .filter(Boolean)
      .flatMap((chunk) => this.split(chunk) ?? [chunk]);
  }

  candidates(input: string, limit = 60): Candidate[] {
    const segments = this.segment(input);
    if (segments.length === 0) return [];
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const add = (text: string, rest: string) => {
      if (seen.has(text) || out.length >= limit) return;
      seen.add(text);
      out.push({ text, rest });
    };
    // Whole words: each syllable typed in full first, then those typed by their beginnings.
    const matches = this.wordList.filter((w) => w.syllables.length === segments.length && w.syllables.every((s, i) => s.startsWith(segments[i]!)));
    const exact = (w: { syllables: string[] }) => w.syllables.every((s, i) => s === segments[i]);
    for (const w of [...matches.filter(exact), ...matches.filter((w) => !exact(w))]) for (const text of w.words) add(text, '');
    // Characters of the first syllable (or of every syllable it begins).
    const [first, ...others] = segments;
    const rest = others.join("'");
    const pool = this.syllables.has(first!) ? [first!] : [...this.syllables].filter((s) => s.startsWith(first!)).sort();
    for (const s of pool) for (const c of this.lexicon.chars[s] ?? '') add(c, rest);
    return out;
  }

  /**
   * Syllables covering `chunk`, longest first with backtracking; where no whole syllable fits, the beginning of
   * one (initials: «gzry» -> g z r y, matched against the words' syllables).
   */
  private split(chunk: string): string[] | undefined {
    if (chunk === '') return [];
    for (const whole of [true, false]) {
      for (let n = Math.min(this.longest, chunk.length); n >= 1; n--) {
        const head = chunk.slice(0, n);
        if (whole ? !this.syllables.has(head) : !this.begins(head)) continue;
        const tail = this.split(chunk.slice(n));
        if (tail) return [head, ...tail];
      }
    }
    return undefined;
  }

  private begins(letters: string): boolean {
    for (const s of this.syllables) if (s.startsWith(letters)) return true;
    return false;
  }
}
