// Decoding of the tagged values written by scripts/gen-format-fixtures.py.

export type Tagged = { i: string } | { f: string } | { s: string } | { c: [string, string] } | { b: boolean };
export type Outcome = { ok: unknown } | { error: string; message: string };

export function pyFloat(text: string): number {
  switch (text) {
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    case 'nan': case '-nan': return NaN;
    default: return Number(text);
  }
}

export function pyInt(text: string): number | bigint {
  const big = BigInt(text);
  return big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
}

/** Same value and same representation class (number vs bigint only by size). */
export function sameTagged(actual: Tagged, expected: Tagged): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected);
}
