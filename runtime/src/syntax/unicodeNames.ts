// "\N{NAME}" lookup as CPython 3.11's unicodedata _getcode does it for string literals: Hangul
// syllables and CJK unified ideographs by rule (case-sensitive, as in CPython), every other name
// from the generated table (case-insensitive), then the name aliases the generator could confirm
// with CPython (control characters, abbreviations such as ZWJ or BOM, VS1..VS256). The table is
// loaded and decoded into a Map on first use so that sources without \N{} pay nothing: the
// generated module is 367 KB, and importing it eagerly cost every first parse 80 ms (300 ms when
// tsx transforms it afresh). Every build is CommonJS (esbuild bundles for Node; tsx), so a
// require() on first use keeps it out of the import graph's start-up work.

type NameData = typeof import('./unicodeNames.data');

let data: NameData | null = null;
let table: Map<string, number> | null = null;

function nameData(): NameData {
  return (data ??= require('./unicodeNames.data') as NameData);
}

function decodeTable(): Map<string, number> {
  const { CONTINUATION_DIGITS, ENTRIES, TERMINAL_DIGITS, WORDS } = nameData();
  const map = new Map<string, number>();
  const words = WORDS.split(' ');
  const terminal = new Int16Array(128).fill(-1);
  const continuation = new Int16Array(128).fill(-1);
  for (let i = 0; i < TERMINAL_DIGITS.length; i++) terminal[TERMINAL_DIGITS.charCodeAt(i)] = i;
  for (let i = 0; i < CONTINUATION_DIGITS.length; i++) continuation[CONTINUATION_DIGITS.charCodeAt(i)] = i;
  let i = 0;
  const readNumber = (): number => {
    let n = 0;
    for (;;) {
      const c = ENTRIES.charCodeAt(i++);
      if (terminal[c] >= 0) return n * 45 + terminal[c];
      n = (n * 45 + continuation[c] + 1);
    }
  };
  let codePoint = -1;
  let parts: string[] = [];
  while (i < ENTRIES.length) {
    const c = ENTRIES.charCodeAt(i);
    if (c === 0x21) { // '!' gap
      i++;
      codePoint += readNumber();
      continue;
    }
    if (c === 0x20) { // end of a name
      i++;
      codePoint++;
      map.set(parts.join(' '), codePoint);
      parts = [];
      continue;
    }
    if (c === 0x7e) { // '~' hex suffix
      i++;
      const last = parts.length - 1;
      parts[last] += '-' + (codePoint + 1).toString(16).toUpperCase().padStart(4, '0');
      continue;
    }
    parts.push(words[readNumber()]);
  }
  return map;
}

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI',
  'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B',
  'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** find_syllable: the longest jamo short name at `pos` (0 characters when none matches). */
function findSyllable(name: string, pos: number, jamo: readonly string[]): [index: number, length: number] {
  let best = -1;
  let bestLength = -1;
  for (let i = 0; i < jamo.length; i++) {
    const s = jamo[i];
    if (s.length <= bestLength) continue;
    if (name.startsWith(s, pos)) {
      best = i;
      bestLength = s.length;
    }
  }
  return [best, bestLength < 0 ? 0 : bestLength];
}

function hangulSyllable(name: string): number | undefined {
  let pos = 16;
  const [l, lLength] = findSyllable(name, pos, JAMO_L);
  pos += lLength;
  const [v, vLength] = findSyllable(name, pos, JAMO_V);
  pos += vLength;
  const [t, tLength] = findSyllable(name, pos, JAMO_T);
  pos += tLength;
  if (l !== -1 && v !== -1 && t !== -1 && pos === name.length) return 0xac00 + (l * 21 + v) * 28 + t;
  return undefined;
}

function unifiedIdeograph(hex: string): number | undefined {
  if (hex.length !== 4 && hex.length !== 5) return undefined;
  let value = 0;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) value = value * 16 + c - 0x30;
    else if (c >= 0x41 && c <= 0x46) value = value * 16 + c - 0x41 + 10;
    else return undefined;
  }
  for (const [low, high] of nameData().UNIFIED_IDEOGRAPH_RANGES) if (value >= low && value <= high) return value;
  return undefined;
}

/** The code point named `name`, or undefined when CPython would report an unknown name. */
export function lookupUnicodeName(name: string): number | undefined {
  if (name.startsWith('HANGUL SYLLABLE ')) return hangulSyllable(name);
  if (name.startsWith('CJK UNIFIED IDEOGRAPH-')) return unifiedIdeograph(name.slice(22));
  table ??= decodeTable();
  const upper = name.toUpperCase();
  const aliases = nameData().ALIASES;
  return table.get(upper) ?? (Object.hasOwn(aliases, upper) ? aliases[upper] : undefined);
}

let reverse: Map<number, string> | null = null;

/** unicodedata.name: the name of `codePoint` (Hangul syllables and unified ideographs by rule), or undefined. */
export function unicodeNameOf(codePoint: number): string | undefined {
  if (codePoint >= 0xac00 && codePoint <= 0xd7a3) {
    const s = codePoint - 0xac00;
    return 'HANGUL SYLLABLE ' + JAMO_L[Math.floor(s / 588)] + JAMO_V[Math.floor((s % 588) / 28)] + JAMO_T[s % 28];
  }
  for (const [low, high] of nameData().UNIFIED_IDEOGRAPH_RANGES) {
    if (codePoint >= low && codePoint <= high) return 'CJK UNIFIED IDEOGRAPH-' + codePoint.toString(16).toUpperCase();
  }
  if (reverse === null) {
    table ??= decodeTable();
    reverse = new Map();
    for (const [name, cp] of table) reverse.set(cp, name);
  }
  return reverse.get(codePoint);
}
