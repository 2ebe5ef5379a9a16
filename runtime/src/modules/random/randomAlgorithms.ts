// Lib/random.py's algorithms (CPython 3.11) on top of the Mersenne Twister, as pure functions of
// a generator. The VM keeps one `PyRandom` per random.Random instance (plus the module's hidden
// one) and maps the results back to Python objects: functions that pick from a population return
// INDICES, so no Python object passes through here.
//
// Owns: _randbelow (getrandbits-based), randrange/randint (with their error messages),
// choice, choices (weights / cum_weights, bisect), shuffle (as a permutation of indices),
// sample (both of CPython's strategies, and counts=), randbytes, and the float distributions
// uniform, triangular, normalvariate, gauss (with its cached second value), lognormvariate,
// expovariate, vonmisesvariate, gammavariate, betavariate, paretovariate, weibullvariate.
//
// Invariants: each function consumes exactly the generator outputs CPython's does, in the same
// order, so sequences stay in step with CPython after any mix of calls. Errors are returned as
// `RandomError` values (Python exception type + message) rather than thrown, so the VM raises
// them as Python exceptions. log/exp/pow/cos/sin/acos are the correctly rounded ones of ./libm:
// glibc (CPython's libm on Linux) agrees with them except on about one input in a thousand.

import { MersenneTwister } from './mt19937';
import { acos, cos, exp, log, pow, sin } from './libm';

export class RandomError {
  constructor(readonly type: 'ValueError' | 'TypeError' | 'IndexError' | 'OverflowError', readonly message: string) {}
}

const TWOPI = 2 * Math.PI;
const LOG4 = log(4.0);
const NV_MAGICCONST = (4 * exp(-0.5)) / Math.sqrt(2.0);
const SG_MAGICCONST = 1.0 + log(4.5);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** A Python int as the VM may hold it: a safe-integer number or a bigint. */
export type PyIntValue = number | bigint;

function toBig(n: PyIntValue): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

/** Back to a number when safe, so small results stay cheap for the VM. */
function narrow(n: bigint): PyIntValue {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

/** bisect.bisect_right(a, x, lo, hi) */
function bisectRight(a: readonly number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The DeprecationWarning texts randrange emits for float arguments (3.10-3.11). */
export const RANDRANGE_WARNING_NON_INTEGRAL = 'randrange() will raise TypeError in the future';
export const RANDRANGE_WARNING_FLOAT = 'non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version';

/**
 * randrange's conversion of an argument that has no __index__ (a float, in practice): the VM
 * gets the int value, or the ValueError, plus the DeprecationWarning to emit first.
 * `which` is 'start' | 'stop' | 'step'.
 */
export function randrangeFloatArgument(value: number, which: 'start' | 'stop' | 'step'):
  { value: PyIntValue; warning: string } | { error: RandomError; warning: string } {
  const label = which === 'start' ? 'arg 1' : which;
  if (!Number.isFinite(value)) {
    // int(inf) / int(nan) raise before any warning; the VM reports those from its int().
    return { error: new RandomError('ValueError', `non-integer ${label} for randrange()`), warning: RANDRANGE_WARNING_NON_INTEGRAL };
  }
  const truncated = Math.trunc(value);
  if (truncated !== value) {
    return { error: new RandomError('ValueError', `non-integer ${label} for randrange()`), warning: RANDRANGE_WARNING_NON_INTEGRAL };
  }
  return { value: Number.isSafeInteger(truncated) ? truncated : BigInt(truncated), warning: RANDRANGE_WARNING_FLOAT };
}

export class PyRandom {
  readonly mt = new MersenneTwister();
  /** Random.gauss_next: the second value of the last Box-Muller pair, or null. */
  gaussNext: number | null = null;

  // ---- seeding (Random.seed resets gauss_next) -----------------------------------------------

  seedInt(n: PyIntValue): void { this.mt.seedInt(n); this.gaussNext = null; }
  seedString(text: string): void { this.mt.seedString(text); this.gaussNext = null; }
  seedBytes(bytes: Uint8Array): void { this.mt.seedBytes(bytes); this.gaussNext = null; }
  /** seed(float) and other hashables: by hash(x). */
  seedHash(hash: number | bigint): void { this.mt.seedHash(hash); this.gaussNext = null; }
  seedEntropy(bytes: Uint8Array): void { this.mt.seedEntropy(bytes); this.gaussNext = null; }

  /** random.getstate(): (3, tuple of 625 ints, gauss_next). */
  getState(): { version: 3; internal: number[]; gaussNext: number | null } {
    return { version: 3, internal: this.mt.getState(), gaussNext: this.gaussNext };
  }

  /**
   * random.setstate((version, internal, gauss_next)) for versions 2 and 3, as Lib/random.py and
   * random_setstate do it: gauss_next is assigned first (tuple unpacking), then the 625 entries
   * are checked; words are truncated to 32 bits after the C unsigned long conversion.
   */
  setState(version: number, internal: readonly PyIntValue[], gaussNext: number | null): RandomError | undefined {
    if (version !== 3 && version !== 2) {
      return new RandomError('ValueError', `state with version ${version} passed to Random.setstate() of version 3`);
    }
    this.gaussNext = gaussNext;
    const entries = version === 2 ? internal.map((x) => narrow(BigInt.asUintN(32, toBig(x)))) : internal;
    if (entries.length !== 625) return new RandomError('ValueError', 'state vector is the wrong size');
    const words: number[] = [];
    for (let i = 0; i < 624; i++) {
      const w = toBig(entries[i]);
      if (w < 0n) return new RandomError('OverflowError', "can't convert negative value to unsigned int");
      if (w > 0xffffffffffffffffn) return new RandomError('OverflowError', 'Python int too large to convert to C unsigned long');
      words.push(Number(w & 0xffffffffn));
    }
    const index = toBig(entries[624]);
    if (index > 0x7fffffffffffffffn || index < -0x8000000000000000n) return new RandomError('OverflowError', 'Python int too large to convert to C long');
    words.push(Number(index));
    const error = this.mt.setState(words);
    if (error) return new RandomError('ValueError', error);
    return undefined;
  }

  // ---- integers ------------------------------------------------------------------------------

  random(): number { return this.mt.random(); }

  getrandbits(k: number): PyIntValue {
    return k <= 53 ? this.mt.getrandbitsSmall(k) : this.mt.getrandbits(k);
  }

  /** _randbelow_with_getrandbits(n) for n > 0: rejection sampling on n.bit_length() bits. */
  randbelow(n: PyIntValue): PyIntValue {
    if (typeof n === 'number' && n <= 9007199254740991) {
      let bits: number;
      if (n < 4294967296) bits = 32 - Math.clz32(n);
      else {
        const k = Math.floor(Math.log2(n)) + 1;
        // Math.log2 can land on the wrong side of a power of two; settle it exactly.
        bits = 2 ** (k - 1) > n ? k - 1 : 2 ** k <= n ? k + 1 : k;
      }
      let r = this.mt.getrandbitsSmall(bits);
      while (r >= n) r = this.mt.getrandbitsSmall(bits);
      return r;
    }
    const big = toBig(n);
    const k = bitLength(big);
    let r = this.mt.getrandbits(k);
    while (r >= big) r = this.mt.getrandbits(k);
    return narrow(r);
  }

  /** randrange(start, stop?, step?) over integers (the VM does the operator.index conversion). */
  randrange(start: PyIntValue, stop?: PyIntValue, step: PyIntValue = 1): PyIntValue | RandomError {
    if (typeof start === 'number' && typeof stop === 'number' && step === 1 && Math.abs(start) <= 2 ** 51 && Math.abs(stop) <= 2 ** 51) {
      // The common randint/randrange(a, b) case without bigint; same draws as below.
      const width = stop - start;
      if (width > 0) return start + (this.randbelow(width) as number);
    }
    const istart = toBig(start);
    if (stop === undefined) {
      if (toBig(step) !== 1n) return new RandomError('TypeError', 'Missing a non-None stop argument');
      if (istart > 0n) return this.randbelow(narrow(istart));
      return new RandomError('ValueError', 'empty range for randrange()');
    }
    const istop = toBig(stop);
    const width = istop - istart;
    const istep = toBig(step);
    if (istep === 1n) {
      if (width > 0n) return narrow(istart + toBig(this.randbelow(narrow(width))));
      return new RandomError('ValueError', `empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: bigint;
    if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
    else return new RandomError('ValueError', 'zero step for randrange()');
    if (n <= 0n) return new RandomError('ValueError', 'empty range for randrange()');
    return narrow(istart + istep * toBig(this.randbelow(narrow(n))));
  }

  /** randint(a, b) = randrange(a, b + 1) */
  randint(a: PyIntValue, b: PyIntValue): PyIntValue | RandomError {
    return this.randrange(a, typeof b === 'number' && b < 2 ** 51 ? b + 1 : narrow(toBig(b) + 1n));
  }

  /** randbytes(n): getrandbits(n * 8).to_bytes(n, 'little') */
  randbytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    if (n === 0) return out;
    let value = this.mt.getrandbits(n * 8);
    for (let i = 0; i < n; i++) {
      out[i] = Number(value & 0xffn);
      value >>= 8n;
    }
    return out;
  }

  // ---- sequences (all return indices into the caller's population) --------------------------

  /** choice(seq): index into a sequence of length `length`. */
  choice(length: number): number | RandomError {
    if (!length) return new RandomError('IndexError', 'Cannot choose from an empty sequence');
    return this.randbelow(length) as number;
  }

  /**
   * shuffle(x) in place on `items` (any array: pass the list's storage or an index array).
   * Consumes randbelow(i + 1) for i from len - 1 down to 1.
   */
  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = this.randbelow(i + 1) as number;
      const t = items[i]; items[i] = items[j]; items[j] = t;
    }
  }

  /** sample(population, k) for a population of length n: the chosen indices in selection order. */
  sample(n: number, k: number): number[] | RandomError {
    if (!(0 <= k && k <= n)) return new RandomError('ValueError', 'Sample larger than population or is negative');
    const result = new Array<number>(k);
    let setSize = 21;
    if (k > 5) setSize += 4 ** Math.ceil(log(k * 3) / log(4));
    if (n <= setSize) {
      const pool = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i) as number;
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n) as number;
        while (selected.has(j)) j = this.randbelow(n) as number;
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /** sample(population, k, counts=counts): indices into the population (not the expanded one). */
  sampleWithCounts(counts: readonly number[], k: number): number[] | RandomError {
    const cumulative: number[] = [];
    let total = 0;
    for (const c of counts) cumulative.push((total += c));
    const grandTotal = cumulative.pop();
    if (grandTotal === undefined || grandTotal <= 0) return new RandomError('ValueError', 'Total of counts must be greater than zero');
    const selections = this.sample(grandTotal, k);
    if (selections instanceof RandomError) return selections;
    return selections.map((s) => bisectRight(cumulative, s, 0, cumulative.length));
  }

  /** choices(population, k=k) without weights: floor(random() * n) each time. */
  choicesUnweighted(n: number, k: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < k; i++) out.push(Math.floor(this.mt.random() * n));
    return out;
  }

  /**
   * choices(population, weights=..., cum_weights=..., k=k). Pass `weights` (accumulated here as
   * itertools.accumulate does) or `cumWeights`; n is len(population).
   */
  choicesWeighted(n: number, k: number, weights?: readonly number[], cumWeights?: readonly number[]): number[] | RandomError {
    if (weights && cumWeights) return new RandomError('TypeError', 'Cannot specify both weights and cumulative weights');
    let cum: readonly number[];
    if (cumWeights) cum = cumWeights;
    else if (weights) {
      const acc: number[] = [];
      let sum = 0;
      for (const w of weights) acc.push((sum = acc.length ? sum + w : w));
      cum = acc;
    } else {
      return this.choicesUnweighted(n, k);
    }
    if (cum.length !== n) return new RandomError('ValueError', 'The number of weights does not match the population');
    const total = cum[cum.length - 1] + 0.0;
    if (!(total > 0.0)) {
      if (total !== total) return new RandomError('ValueError', 'Total of weights must be finite');
      return new RandomError('ValueError', 'Total of weights must be greater than zero');
    }
    if (!Number.isFinite(total)) return new RandomError('ValueError', 'Total of weights must be finite');
    const hi = n - 1;
    const out: number[] = [];
    for (let i = 0; i < k; i++) out.push(bisectRight(cum, this.mt.random() * total, 0, hi));
    return out;
  }

  // ---- real-valued distributions -------------------------------------------------------------

  uniform(a: number, b: number): number {
    return a + (b - a) * this.mt.random();
  }

  /** triangular(low=0.0, high=1.0, mode=None); `mode` undefined means None. */
  triangular(low = 0.0, high = 1.0, mode?: number): number {
    let u = this.mt.random();
    let c: number;
    if (mode === undefined) c = 0.5;
    else {
      if (high - low === 0) return low; // ZeroDivisionError in CPython is caught: return low
      c = (mode - low) / (high - low);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      const t = low; low = high; high = t;
    }
    return low + (high - low) * Math.sqrt(u * c);
  }

  /** normalvariate(mu, sigma): Kinderman and Monahan's ratio method. */
  normalvariate(mu = 0.0, sigma = 1.0): number {
    let z: number;
    for (;;) {
      const u1 = this.mt.random();
      const u2 = 1.0 - this.mt.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -log(u2)) break;
    }
    return mu + z * sigma;
  }

  /** gauss(mu, sigma): Box-Muller, caching the second value in gaussNext. */
  gauss(mu = 0.0, sigma = 1.0): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.mt.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * log(1.0 - this.mt.random()));
      z = cos(x2pi) * g2rad;
      this.gaussNext = sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  lognormvariate(mu: number, sigma: number): number {
    return exp(this.normalvariate(mu, sigma));
  }

  /** expovariate(lambd); lambd == 0 is a ZeroDivisionError the VM raises before calling. */
  expovariate(lambd = 1.0): number {
    return -log(1.0 - this.mt.random()) / lambd;
  }

  vonmisesvariate(mu: number, kappa: number): number {
    if (kappa <= 1e-6) return TWOPI * this.mt.random();
    const s = 0.5 / kappa;
    const r = s + Math.sqrt(1.0 + s * s);
    let z: number;
    for (;;) {
      const u1 = this.mt.random();
      z = cos(Math.PI * u1);
      const d = z / (r + z);
      const u2 = this.mt.random();
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
    }
    const q = 1.0 / r;
    const f = (q + z) / (1.0 + q * z);
    const u3 = this.mt.random();
    return u3 > 0.5 ? pyFloatMod(mu + acos(f), TWOPI) : pyFloatMod(mu - acos(f), TWOPI);
  }

  gammavariate(alpha: number, beta: number): number | RandomError {
    if (alpha <= 0.0 || beta <= 0.0) return new RandomError('ValueError', 'gammavariate: alpha and beta must be > 0.0');
    if (alpha > 1.0) {
      const ainv = Math.sqrt(2.0 * alpha - 1.0);
      const bbb = alpha - LOG4;
      const ccc = alpha + ainv;
      for (;;) {
        const u1 = this.mt.random();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1.0 - this.mt.random();
        const v = log(u1 / (1.0 - u1)) / ainv;
        const x = alpha * exp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= log(z)) return x * beta;
      }
    }
    if (alpha === 1.0) return -log(1.0 - this.mt.random()) * beta;
    let x: number;
    for (;;) {
      const u = this.mt.random();
      const b = (Math.E + alpha) / Math.E;
      const p = b * u;
      x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
      const u1 = this.mt.random();
      if (p > 1.0) {
        if (u1 <= pow(x, alpha - 1.0)) break;
      } else if (u1 <= exp(-x)) break;
    }
    return x * beta;
  }

  betavariate(alpha: number, beta: number): number | RandomError {
    const y = this.gammavariate(alpha, 1.0);
    if (y instanceof RandomError) return y;
    if (y) {
      const other = this.gammavariate(beta, 1.0);
      if (other instanceof RandomError) return other;
      return y / (y + other);
    }
    return 0.0;
  }

  paretovariate(alpha: number): number {
    const u = 1.0 - this.mt.random();
    return pow(u, -1.0 / alpha);
  }

  weibullvariate(alpha: number, beta: number): number {
    const u = 1.0 - this.mt.random();
    return alpha * pow(-log(u), 1.0 / beta);
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Python's float % for a positive modulus. */
function pyFloatMod(x: number, m: number): number {
  let r = x % m;
  if (r !== 0 && (r < 0) !== (m < 0)) r += m;
  return r;
}
