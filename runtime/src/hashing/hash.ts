// CPython 3.11's hash() for the built-in value types, as pure functions over JS values.
//
// Owns: siphash13 (Python/pyhash.c, the 3.11 default Py_HASH_ALGORITHM, Py_HASH_CUTOFF = 0),
// the numeric hash of int/float/complex (modulus 2**61 - 1, Objects/longobject.c,
// Python/pyhash.c _Py_HashDouble, Objects/complexobject.c), tuplehash (the xxHash-based one of
// Objects/tupleobject.c), frozenset_hash (Objects/setobject.c) and _Py_HashPointer.
//
// Invariants:
// - A hash is a `PyHash`: a signed 64-bit value that is a JS `number` whenever it is a safe
//   integer and a `bigint` only outside ±(2**53 - 1). The representation is canonical, so two
//   equal hashes are always `===`, and small ints hash to themselves without touching bigint.
// - No function ever returns -1 (CPython's error marker): it becomes -2, or the special value the
//   C code substitutes (tuple: 1546275796, frozenset: 590923713).
// - str is hashed over its PEP 393 canonical form: 1, 2 or 4 little-endian bytes per code point
//   depending on the largest code point, so hash('é') differs from hash('é'.encode('latin-1'))
//   only if the bytes differ. The siphash key defaults to zeros (PYTHONHASHSEED=0), which makes
//   every run reproducible; a caller may pass another 16-byte key.
// - Objects hashed by identity (None, object(), NaN floats) take their simulated address from
//   the caller: this module knows nothing about the memory model.

export type PyHash = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MASK64 = (1n << 64n) - 1n;

/** The modulus of numeric hashing, 2**61 - 1 (sys.hash_info.modulus). */
export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_INF = 314159;
export const HASH_IMAG = 1000003n;
const HASH_BITS = 61n;

/** Canonical PyHash from any signed 64-bit bigint, with CPython's -1 → -2 rule applied. */
export function normalizeHash(h: bigint): PyHash {
  if (h === -1n) return -2;
  if (h >= -MAX_SAFE && h <= MAX_SAFE) return Number(h);
  return h;
}

/** Interpret the low 64 bits of `u` as a signed Py_hash_t, then canonicalise (-1 → -2). */
function fromUnsigned64(u: bigint): PyHash {
  return normalizeHash(BigInt.asIntN(64, u));
}

/** The hash as a bigint, whatever its representation. */
export function hashToBigInt(h: PyHash): bigint {
  return typeof h === 'bigint' ? h : BigInt(h);
}

// ---------------------------------------------------------------------------------------------
// siphash13 over 32-bit halves (bigint would be ~20x slower on the hot str path).

/** The 16-byte siphash key as four little-endian 32-bit words: k0 low, k0 high, k1 low, k1 high. */
export type SipKey = readonly [number, number, number, number];
export const ZERO_SIP_KEY: SipKey = [0, 0, 0, 0];

/**
 * The siphash key CPython derives from PYTHONHASHSEED=seed (1..4294967295): lcg_urandom fills
 * the hash secret with bytes of a linear congruential generator; the key is its first 16 bytes.
 * Seed 0 (or unset randomization) is ZERO_SIP_KEY.
 */
export function sipKeyFromHashSeed(seed: number): SipKey {
  if (seed === 0) return ZERO_SIP_KEY;
  const bytes = new Uint8Array(16);
  let x = seed >>> 0;
  for (let i = 0; i < 16; i++) {
    x = (Math.imul(x, 214013) + 2531011) >>> 0;
    bytes[i] = (x >>> 16) & 0xff;
  }
  const word = (at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  return [word(0), word(4), word(8), word(12)];
}

// State layout: v0h v0l v1h v1l v2h v2l v3h v3l.
const sipState = new Uint32Array(8);

function sipRound(s: Uint32Array): void {
  let v0h = s[0], v0l = s[1], v1h = s[2], v1l = s[3], v2h = s[4], v2l = s[5], v3h = s[6], v3l = s[7];
  let sum: number, t: number;
  // v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
  sum = v0l + v1l; v0l = sum >>> 0; v0h = (v0h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  t = ((v1h << 13) | (v1l >>> 19)) >>> 0; v1l = ((v1l << 13) | (v1h >>> 19)) >>> 0; v1h = t;
  v1h = (v1h ^ v0h) >>> 0; v1l = (v1l ^ v0l) >>> 0;
  t = v0h; v0h = v0l; v0l = t;
  // v2 += v3; v3 = rotl(v3, 16); v3 ^= v2
  sum = v2l + v3l; v2l = sum >>> 0; v2h = (v2h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  t = ((v3h << 16) | (v3l >>> 16)) >>> 0; v3l = ((v3l << 16) | (v3h >>> 16)) >>> 0; v3h = t;
  v3h = (v3h ^ v2h) >>> 0; v3l = (v3l ^ v2l) >>> 0;
  // v0 += v3; v3 = rotl(v3, 21); v3 ^= v0
  sum = v0l + v3l; v0l = sum >>> 0; v0h = (v0h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  t = ((v3h << 21) | (v3l >>> 11)) >>> 0; v3l = ((v3l << 21) | (v3h >>> 11)) >>> 0; v3h = t;
  v3h = (v3h ^ v0h) >>> 0; v3l = (v3l ^ v0l) >>> 0;
  // v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
  sum = v2l + v1l; v2l = sum >>> 0; v2h = (v2h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  t = ((v1h << 17) | (v1l >>> 15)) >>> 0; v1l = ((v1l << 17) | (v1h >>> 15)) >>> 0; v1h = t;
  v1h = (v1h ^ v2h) >>> 0; v1l = (v1l ^ v2l) >>> 0;
  t = v2h; v2h = v2l; v2l = t;
  s[0] = v0h; s[1] = v0l; s[2] = v1h; s[3] = v1l; s[4] = v2h; s[5] = v2l; s[6] = v3h; s[7] = v3l;
}

/** siphash13 of `data` as an unsigned 64-bit bigint (no -1 adjustment). */
export function siphash13(data: Uint8Array, key: SipKey = ZERO_SIP_KEY): bigint {
  siphash13Words(data, key);
  return (BigInt(sipOut[0]) << 32n) | BigInt(sipOut[1]);
}

/** The result words of the last siphash13Words call: high, low. */
const sipOut = new Uint32Array(2);

function siphash13Words(data: Uint8Array, key: SipKey): void {
  const s = sipState;
  const [k0l, k0h, k1l, k1h] = key;
  s[0] = (k0h ^ 0x736f6d65) >>> 0; s[1] = (k0l ^ 0x70736575) >>> 0;
  s[2] = (k1h ^ 0x646f7261) >>> 0; s[3] = (k1l ^ 0x6e646f6d) >>> 0;
  s[4] = (k0h ^ 0x6c796765) >>> 0; s[5] = (k0l ^ 0x6e657261) >>> 0;
  s[6] = (k1h ^ 0x74656462) >>> 0; s[7] = (k1l ^ 0x79746573) >>> 0;
  const n = data.length;
  const whole = n - (n % 8);
  for (let i = 0; i < whole; i += 8) {
    const ml = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> 0;
    const mh = (data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24)) >>> 0;
    s[6] ^= mh; s[7] ^= ml;
    sipRound(s);
    s[0] ^= mh; s[1] ^= ml;
  }
  // Last block: the remaining bytes, with the length's low byte in the top byte.
  let bl = 0;
  let bh = ((n & 0xff) << 24) >>> 0;
  for (let j = n - whole - 1; j >= 0; j--) {
    const byte = data[whole + j];
    if (j >= 4) bh = (bh | (byte << ((j - 4) * 8))) >>> 0;
    else bl = (bl | (byte << (j * 8))) >>> 0;
  }
  s[6] ^= bh; s[7] ^= bl;
  sipRound(s);
  s[0] ^= bh; s[1] ^= bl;
  s[5] ^= 0xff;
  sipRound(s); sipRound(s); sipRound(s);
  sipOut[0] = s[0] ^ s[2] ^ s[4] ^ s[6];
  sipOut[1] = s[1] ^ s[3] ^ s[5] ^ s[7];
}

/** The canonical PyHash of the signed 64-bit value hi:lo, touching bigint only when it must. */
function hashFromWords(hi: number, lo: number): PyHash {
  const signedHi = hi | 0;
  if (signedHi > -2097152 && signedHi < 2097152) {
    const value = signedHi * 4294967296 + lo; // |value| < 2**53: exact
    return value === -1 ? -2 : value;
  }
  return normalizeHash((BigInt(signedHi) << 32n) | BigInt(lo));
}

/** _Py_HashBytes: the empty buffer hashes to 0, anything else through siphash13. */
export function hashBytes(data: Uint8Array, key: SipKey = ZERO_SIP_KEY): PyHash {
  if (data.length === 0) return 0;
  siphash13Words(data, key);
  return hashFromWords(sipOut[0], sipOut[1]);
}

/** Code points of a JS string as Python sees them: a surrogate pair is one code point, a lone surrogate is itself. */
export function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The bytes PEP 393 stores for `s` (PyUnicode_DATA): kind 1, 2 or 4, little-endian. */
export function canonicalUnicodeBytes(s: string): Uint8Array {
  let latin1 = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) { latin1 = false; break; }
  }
  if (latin1) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps = codePointsOf(s);
  let max = 0;
  for (const cp of cps) if (cp > max) max = cp;
  const kind = max > 0xffff ? 4 : 2;
  const out = new Uint8Array(cps.length * kind);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const at = i * kind;
    out[at] = cp & 0xff;
    out[at + 1] = (cp >>> 8) & 0xff;
    if (kind === 4) out[at + 2] = (cp >>> 16) & 0xff;
  }
  return out;
}

/** hash(str). The VM should cache the result on the str object, as CPython does. */
export function hashStr(s: string, key: SipKey = ZERO_SIP_KEY): PyHash {
  if (s.length === 0) return 0;
  return hashBytes(canonicalUnicodeBytes(s), key);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MODULUS_NUMBER = 2 ** 61 - 1;

/** hash(int) for an int held as a JS number (must be an integer) or a bigint. hash(True) is hashInt(1). */
export function hashInt(n: number | bigint): PyHash {
  if (typeof n === 'number') {
    // Every safe integer is smaller than the modulus, so it hashes to itself.
    if (Number.isSafeInteger(n)) return n === -1 ? -2 : n;
    n = BigInt(n);
  }
  const negative = n < 0n;
  let r = (negative ? -n : n) % HASH_MODULUS;
  if (negative) r = -r;
  return normalizeHash(r);
}

/**
 * _Py_HashPointer: the address rotated right by 4 bits (the low bits of an aligned address are
 * always zero), as a signed 64-bit value. Used for object(), None, functions, NaN floats.
 */
export function hashPointer(address: number | bigint): PyHash {
  const y = BigInt.asUintN(64, BigInt(address));
  const rotated = ((y >> 4n) | (y << 60n)) & MASK64;
  return fromUnsigned64(rotated);
}

const float64 = new Float64Array(1);
const float64Words = new Uint32Array(float64.buffer);

/** Split a finite nonzero |x| into an integer mantissa and power of two: |x| = mantissa * 2**exponent. */
function decomposeDouble(x: number): { mantissa: bigint; exponent: number } {
  float64[0] = x;
  const lo = float64Words[0];
  const hi = float64Words[1];
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa, exponent };
}

/** (m * 2**e) mod (2**61 - 1) for m >= 0, using 2**61 ≡ 1 so any power of two is a rotation. */
function reduceScaled(mantissa: bigint, exponent: number): bigint {
  let m = mantissa % HASH_MODULUS;
  const shift = ((exponent % 61) + 61) % 61;
  m = ((m << BigInt(shift)) & HASH_MODULUS) | (m >> (HASH_BITS - BigInt(shift)));
  return m % HASH_MODULUS;
}

/**
 * _Py_HashDouble. Integral floats hash like the equal int; infinities to ±314159; NaN by the
 * identity of the float object that holds it (3.10+), so the caller passes that object's address.
 */
export function hashFloat(x: number, identity: number | bigint = 0): PyHash {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return x === -1 ? -2 : x === 0 ? 0 : x;
  if (x !== x) return hashPointer(identity);
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  const { mantissa, exponent } = decomposeDouble(Math.abs(x));
  let r = reduceScaled(mantissa, exponent);
  if (x < 0) r = -r;
  return normalizeHash(r);
}

/** complex_hash: hash(real) + 1000003 * hash(imag) with unsigned 64-bit wrap-around. */
export function hashComplex(real: number, imag: number, identity: number | bigint = 0): PyHash {
  const hr = hashToBigInt(hashFloat(real, identity));
  const hi = hashToBigInt(hashFloat(imag, identity));
  return fromUnsigned64(BigInt.asUintN(64, hr + HASH_IMAG * hi));
}

// ---------------------------------------------------------------------------------------------
// Containers

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const XX_LENGTH_MIX = XXPRIME_5 ^ 3527539n;

const words = (n: bigint): [number, number] => [Number(n >> 32n), Number(n & 0xffffffffn)];
const [P1_HI, P1_LO] = words(XXPRIME_1);
const [P2_HI, P2_LO] = words(XXPRIME_2);
const [P5_HI, P5_LO] = words(XXPRIME_5);
const [MIX_HI, MIX_LO] = words(XX_LENGTH_MIX);

// 64-bit arithmetic on (hi, lo) pairs of uint32, results in W_HI, W_LO: the tuple hash runs
// on every dict/set lookup with a tuple key, so it stays clear of bigint.
let W_HI = 0;
let W_LO = 0;

function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2**33
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2**33
  W_LO = low >>> 0;
  W_HI = (a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / 4294967296) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

function add64(ah: number, al: number, bh: number, bl: number): void {
  const low = al + bl;
  W_LO = low >>> 0;
  W_HI = (ah + bh + (low > 0xffffffff ? 1 : 0)) >>> 0;
}

/** tuplehash (3.8+, xxHash-style) over the already-computed hashes of the items, in order. */
export function hashTuple(itemHashes: readonly PyHash[]): PyHash {
  let accHi = P5_HI;
  let accLo = P5_LO;
  for (let i = 0; i < itemHashes.length; i++) {
    const h = itemHashes[i];
    let laneHi: number, laneLo: number;
    if (typeof h === 'number') {
      laneLo = h >>> 0;
      laneHi = Math.floor(h / 4294967296) >>> 0;
    } else {
      laneLo = Number(BigInt.asUintN(32, h));
      laneHi = Number(BigInt.asUintN(32, h >> 32n));
    }
    mul64(laneHi, laneLo, P2_HI, P2_LO); // lane * PRIME2
    add64(accHi, accLo, W_HI, W_LO); // acc += ...
    // acc = rotl(acc, 31)
    const rHi = ((W_HI << 31) | (W_LO >>> 1)) >>> 0;
    const rLo = ((W_LO << 31) | (W_HI >>> 1)) >>> 0;
    mul64(rHi, rLo, P1_HI, P1_LO); // acc *= PRIME1
    accHi = W_HI;
    accLo = W_LO;
  }
  add64(accHi, accLo, MIX_HI, (MIX_LO ^ itemHashes.length) >>> 0);
  if (W_HI === 0xffffffff && W_LO === 0xffffffff) return 1546275796;
  return hashFromWords(W_HI, W_LO);
}

function shuffleBits(h: bigint): bigint {
  return BigInt.asUintN(64, ((h ^ 89869747n) ^ (h << 16n)) * 3644798167n);
}

/**
 * frozenset_hash over the hashes of the members. CPython xors over every table slot and then
 * cancels the empty and dummy slots, which leaves exactly the xor over the active entries, so
 * the result does not depend on the table layout.
 */
export function hashFrozenset(memberHashes: readonly PyHash[]): PyHash {
  let hash = 0n;
  for (const h of memberHashes) hash ^= shuffleBits(BigInt.asUintN(64, hashToBigInt(h)));
  hash ^= BigInt.asUintN(64, (BigInt(memberHashes.length) + 1n) * 1927868237n);
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = BigInt.asUintN(64, hash * 69069n + 907133923n);
  if (hash === MASK64) return 590923713;
  return fromUnsigned64(hash);
}

/**
 * range_hash: the hash of the tuple (len, start, step), with start and step replaced by None
 * for an empty range and step by None for a one-element range. None hashes by identity in
 * 3.11, so the caller passes hash(None).
 */
export function hashRange(length: number | bigint, start: number | bigint, step: number | bigint, noneHash: PyHash): PyHash {
  const isZero = typeof length === 'bigint' ? length === 0n : length === 0;
  const isOne = typeof length === 'bigint' ? length === 1n : length === 1;
  if (isZero) return hashTuple([hashInt(length), noneHash, noneHash]);
  if (isOne) return hashTuple([hashInt(length), hashInt(start), noneHash]);
  return hashTuple([hashInt(length), hashInt(start), hashInt(step)]);
}

/**
 * slot_tp_hash: what hash(obj) gives when obj.__hash__() returned the int `value` (the VM has
 * already raised "__hash__ method should return an integer" for non-ints). A value that fits a
 * signed 64-bit Py_hash_t is used as is (-1 becoming -2); a larger one is hashed as an int.
 */
export function hashFromDunderHash(value: number | bigint): PyHash {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  if (big >= -(1n << 63n) && big < 1n << 63n) return normalizeHash(big);
  return hashInt(big);
}
