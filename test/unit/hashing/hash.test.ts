import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  hashStr, hashBytes, hashInt, hashFloat, hashComplex, hashTuple, hashFrozenset, hashPointer,
  hashToBigInt, hashRange, hashFromDunderHash, sipKeyFromHashSeed, type PyHash,
} from '../../../runtime/src/hashing/hash';

// Expected values come from CPython 3.11 under PYTHONHASHSEED=0 (scripts/gen-hash-fixtures.py).
const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'hashes.json'), 'utf8'));

function parseFloatRepr(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan' || text === '-nan') return NaN;
  return Number(text);
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function checkCanonical(h: PyHash): void {
  if (typeof h === 'bigint') assert.ok(h > BigInt(Number.MAX_SAFE_INTEGER) || h < -BigInt(Number.MAX_SAFE_INTEGER), 'bigint only outside the safe range');
  else assert.ok(Number.isSafeInteger(h));
}

function same(actual: PyHash, expected: string, what: string): void {
  checkCanonical(actual);
  assert.equal(hashToBigInt(actual).toString(), expected, what);
}

describe('hash() as CPython 3.11 with PYTHONHASHSEED=0', () => {
  it('uses siphash13 with no small-string cutoff', () => {
    assert.equal(fixtures.hashInfo.algorithm, 'siphash13');
    assert.equal(fixtures.hashInfo.cutoff, 0);
  });
  it(`str over the PEP 393 representation (${fixtures.str.length} cases)`, () => {
    for (const [s, h] of fixtures.str) same(hashStr(s), h, JSON.stringify(s));
  });
  it(`str and bytes under other PYTHONHASHSEED values (${fixtures.hashSeeds.length} seeds)`, () => {
    for (const [seed, samples, hashes] of fixtures.hashSeeds) {
      const key = sipKeyFromHashSeed(seed);
      samples.forEach((text: string, i: number) => same(hashStr(text, key), hashes[i], `seed ${seed} ${JSON.stringify(text)}`));
      same(hashBytes(new TextEncoder().encode('abc'), key), hashes[samples.length], `seed ${seed} b'abc'`);
    }
  });
  it(`bytes (${fixtures.bytes.length} cases)`, () => {
    for (const [hex, h] of fixtures.bytes) same(hashBytes(hexBytes(hex)), h, hex);
  });
  it(`int, as number and as bigint (${fixtures.int.length} cases)`, () => {
    for (const [text, h] of fixtures.int) {
      const big = BigInt(text);
      same(hashInt(big), h, text);
      if (big >= -BigInt(Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) same(hashInt(Number(big)), h, text);
    }
    assert.equal(hashInt(1), 1);
    assert.equal(hashInt(-1), -2);
  });
  it(`float (${fixtures.float.length} cases)`, () => {
    for (const [text, h] of fixtures.float) same(hashFloat(parseFloatRepr(text)), h, text);
  });
  it(`complex (${fixtures.complex.length} cases), NaN parts by identity`, () => {
    for (const [re, im, h] of fixtures.complex) same(hashComplex(parseFloatRepr(re), parseFloatRepr(im)), h, `${re}+${im}j`);
    for (const [re, im, id, h] of fixtures.complexNan) same(hashComplex(parseFloatRepr(re), parseFloatRepr(im), BigInt(id)), h, `${re}+${im}j`);
  });
  it(`tuple from item hashes (${fixtures.tuple.length} cases)`, () => {
    for (const [items, h] of fixtures.tuple) same(hashTuple(items.map((x: string) => BigInt(x) as PyHash)), h, items.join(','));
  });
  it(`frozenset from member hashes (${fixtures.frozenset.length} cases)`, () => {
    for (const [members, h] of fixtures.frozenset) same(hashFrozenset(members.map((x: string) => BigInt(x) as PyHash)), h, members.join(','));
  });
  it(`range (${fixtures.range.length} cases, None by identity)`, () => {
    const noneHash = BigInt(fixtures.noneHash) as PyHash;
    for (const [length, start, step, h] of fixtures.range) {
      same(hashRange(BigInt(length), BigInt(start), BigInt(step), noneHash), h, `range len ${length} start ${start} step ${step}`);
    }
  });
  it(`hash() of an object whose __hash__ returns an int (${fixtures.dunderHash.length} cases)`, () => {
    for (const [value, h] of fixtures.dunderHash) same(hashFromDunderHash(BigInt(value)), h, value);
  });
  it(`identity hashes: object(), None, NaN (${fixtures.pointer.length} cases)`, () => {
    for (const [address, h] of fixtures.pointer) {
      same(hashPointer(BigInt(address)), h, address);
      if (Number.isSafeInteger(Number(address))) same(hashPointer(Number(address)), h, address);
    }
    assert.equal(hashToBigInt(hashFloat(NaN, 0x1000n)), 0x100n);
  });
});
