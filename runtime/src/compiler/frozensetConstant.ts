// Frozenset constants (`x in {1, 2}`, `for x in {'a', 'b'}`, set displays of constants) laid
// out the way CPython 3.11's PyFrozenSet_New lays them out: duplicates dropped by Python
// equality (1 == 1.0 == True), items in hash-table order. That order is what dis prints and
// what a set built from the constant iterates in, so it is computed here once, with the same
// hashes (siphash13 with PYTHONHASHSEED=0 for str/bytes) and the same table as the VM's sets.

import { BytesValue, ComplexValue } from '../syntax/constants';
import { hashBytes, hashComplex, hashFloat, hashFrozenset, hashInt, hashStr, hashTuple } from '../hashing/hash';
import type { PyHash } from '../hashing/hash';
import { SetTable } from '../hashing/setTable';
import { ConstFrozenset, ConstTuple } from './codeObject';
import type { CodeConstant } from './codeObject';

/** hash() of a constant, or null when it hashes by identity (None, Ellipsis, code objects). */
function constantHash(v: CodeConstant): PyHash | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'boolean': return v ? 1 : 0;
    case 'bigint': return hashInt(v);
    case 'number': return Number.isNaN(v) ? null : hashFloat(v);
    case 'string': return hashStr(v);
    case 'symbol': return null;
  }
  if (v instanceof BytesValue) return hashBytes(v.bytes);
  if (v instanceof ComplexValue) return Number.isNaN(v.real) || Number.isNaN(v.imag) ? null : hashComplex(v.real, v.imag);
  if (v instanceof ConstTuple) {
    const hashes = v.items.map(constantHash);
    return hashes.some((h) => h === null) ? null : hashTuple(hashes as PyHash[]);
  }
  if (v instanceof ConstFrozenset) {
    const hashes = v.items.map(constantHash);
    return hashes.some((h) => h === null) ? null : hashFrozenset(hashes as PyHash[]);
  }
  return null;
}

function numericValue(v: CodeConstant): number | bigint | ComplexValue | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint' || typeof v === 'number' || v instanceof ComplexValue) return v;
  return null;
}

/** Python `==` between two constants. */
export function constantsEqual(a: CodeConstant, b: CodeConstant): boolean {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== null && y !== null) {
    const cx = x instanceof ComplexValue ? x : { real: Number(x), imag: 0, exact: x };
    const cy = y instanceof ComplexValue ? y : { real: Number(y), imag: 0, exact: y };
    if (typeof x === 'bigint' && typeof y === 'bigint') return x === y;
    if (typeof x === 'bigint' && typeof y === 'number') return Number.isInteger(y) && BigInt(y) === x;
    if (typeof y === 'bigint' && typeof x === 'number') return Number.isInteger(x) && BigInt(x) === y;
    return cx.real === cy.real && cx.imag === cy.imag;
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof BytesValue && b instanceof BytesValue) {
    return a.bytes.length === b.bytes.length && a.bytes.every((byte, i) => byte === b.bytes[i]);
  }
  if (a instanceof ConstTuple && b instanceof ConstTuple) {
    return a.items.length === b.items.length && a.items.every((item, i) => constantsEqual(item, b.items[i]));
  }
  if (a instanceof ConstFrozenset && b instanceof ConstFrozenset) {
    return a.items.length === b.items.length && a.items.every((item) => b.items.some((other) => constantsEqual(item, other)));
  }
  return a === b;
}

/**
 * A frozenset constant as it ends up in co_consts: built from the items, then rebuilt from its
 * own iteration order when the compiler merges constants (merge_consts_recursive), which moves
 * items that collided the first time.
 */
export function makeFrozensetConstant(items: readonly CodeConstant[]): ConstFrozenset {
  return buildFrozenset(buildFrozenset(items).items);
}

/** frozenset(items); items hashed by identity keep their source order. */
function buildFrozenset(items: readonly CodeConstant[]): ConstFrozenset {
  const hashes = items.map(constantHash);
  if (hashes.some((h) => h === null)) {
    const unique: CodeConstant[] = [];
    for (const item of items) if (!unique.some((u) => constantsEqual(u, item))) unique.push(item);
    return new ConstFrozenset(unique);
  }
  const table = new SetTable<CodeConstant>(constantsEqual);
  items.forEach((item, i) => table.add(item, hashes[i]!));
  return new ConstFrozenset(table.toArray());
}
