// The Mersenne Twister behind Python's `random` (Modules/_randommodule.c), bit for bit.
//
// Owns: the 624-word MT19937 state, init_genrand / init_by_array, CPython's seeding rules
// (int seeds by absolute value in 32-bit words, str/bytes seeds through SHA-512 as Lib/random.py
// version 2 does, float and other hashables through hash(), None through OS entropy the caller
// supplies), random() with 53-bit resolution, getrandbits(k), and the getstate/setstate shape.
//
// Invariants: every state word is an unsigned 32-bit integer; `index` is in 0..624 (624 means
// "regenerate before the next word"). Nothing here touches an OS or a clock: entropy for
// `seed(None)` is an argument.

import { sha512 } from './sha512';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The internal state as random.getstate()[1] shows it: 624 words, then the index. */
export type MersenneState = number[];

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** init_genrand: fill the state from one 32-bit seed. */
  initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** init_by_array: the seeding CPython uses for every seed, with the key as 32-bit words. */
  initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    const keyLength = key.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, keyLength); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + (key[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
    this.index = N;
  }

  /** genrand_uint32: the next tempered 32-bit word. */
  nextUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random.random(): 27 + 26 bits into a double in [0, 1). */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k) for 0 <= k <= 32 as a number (the common, allocation-free case). */
  getrandbits32(k: number): number {
    if (k === 0) return 0;
    return this.nextUint32() >>> (32 - k);
  }

  /**
   * random.getrandbits(k) for k >= 0 (the VM raises ValueError for k < 0): words from least to
   * most significant, the last one keeping only its top bits.
   */
  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.getrandbits32(k));
    let result = 0n;
    let shift = 0n;
    for (let remaining = k; remaining > 0; remaining -= 32) {
      let word = this.nextUint32();
      if (remaining < 32) word >>>= 32 - remaining;
      result |= BigInt(word) << shift;
      shift += 32n;
    }
    return result;
  }

  /** getrandbits(k) for k <= 53, as a number (used by _randbelow for safe-integer ranges). */
  getrandbitsSmall(k: number): number {
    if (k <= 32) return this.getrandbits32(k);
    const low = this.nextUint32();
    const high = this.nextUint32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  // ---- seeding ------------------------------------------------------------------------------

  /** random_seed with an int: init_by_array over |n| in little-endian 32-bit words (at least one). */
  seedInt(n: number | bigint): void {
    let magnitude = typeof n === 'bigint' ? (n < 0n ? -n : n) : BigInt(Math.abs(n));
    const words: number[] = [];
    do {
      words.push(Number(magnitude & 0xffffffffn));
      magnitude >>= 32n;
    } while (magnitude > 0n);
    this.initByArray(words);
  }

  /** random.seed(str or bytes), version 2: int.from_bytes(a + sha512(a).digest(), 'big'). */
  seedBytes(bytes: Uint8Array): void {
    const digest = sha512(bytes);
    let n = 0n;
    for (const b of bytes) n = (n << 8n) | BigInt(b);
    for (const b of digest) n = (n << 8n) | BigInt(b);
    this.seedInt(n);
  }

  /** random.seed(str), version 2: the UTF-8 encoding (the VM rejects lone surrogates first). */
  seedString(text: string): void {
    this.seedBytes(new TextEncoder().encode(text));
  }

  /**
   * random.seed(x) for a float or any other hashable the VM allows: CPython seeds with
   * hash(x) reinterpreted as an unsigned 64-bit integer.
   */
  seedHash(hash: number | bigint): void {
    this.seedInt(BigInt.asUintN(64, BigInt(hash)));
  }

  /** random.seed() / seed(None): 624 words of OS entropy, which the caller supplies (2496 bytes, little-endian words). */
  seedEntropy(bytes: Uint8Array): void {
    const words: number[] = [];
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
      words.push((bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0);
    }
    this.initByArray(words);
  }

  /** random_version 1 seeding of str/bytes (random.seed(a, version=1)), over the code points. */
  static version1Seed(codePoints: readonly number[]): bigint {
    let x = codePoints.length ? BigInt(codePoints[0]) << 7n : 0n;
    for (const c of codePoints) x = ((1000003n * x) ^ BigInt(c)) & 0xffffffffffffffffn;
    x ^= BigInt(codePoints.length);
    return x === -1n ? -2n : x;
  }

  // ---- state --------------------------------------------------------------------------------

  /** random.getstate()[1]: a tuple of 625 ints (the words, then the index). */
  getState(): MersenneState {
    return [...this.mt, this.index];
  }

  /**
   * random.setstate: 625 integers, each in 0..2**32-1 and the index in 0..624. Returns an error
   * message for the VM to raise (ValueError) instead of throwing.
   */
  setState(state: readonly number[]): string | undefined {
    if (state.length !== N + 1) return 'state vector is the wrong size';
    const index = state[N];
    if (!Number.isInteger(index) || index < 0 || index > N) return 'invalid state';
    for (let i = 0; i < N; i++) this.mt[i] = state[i] >>> 0;
    this.index = index;
    return undefined;
  }
}
