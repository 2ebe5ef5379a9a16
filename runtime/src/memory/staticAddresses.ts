// Addresses of the static builtin types. CPython does not allocate int, str, list_iterator or
// ValueError: they are PyTypeObjects in libpython's data segment, above the mmap area where the
// arenas live, so `id(int)` is an address there and `hash(int)` (its address >> 4, rotated)
// decides where a type lands in a dict or set. The offsets from `object` are CPython's own
// (scripts/gen-static-addresses.py); `object` sits as far above the simulated mmap top as it
// does above CPython's. Invariants: every static type has a distinct, nonzero, 16-byte aligned
// address outside every arena; a type CPython has no static counterpart for (one that is a heap
// type or lives in an extension module there) gets the next free PyTypeObject slot after the
// known ones, in creation order, so runs stay deterministic.

import { DEFAULT_MMAP_TOP } from './obmalloc/obmalloc';
import { OBJECT_ABOVE_MMAP_TOP, STATIC_TYPE_OFFSETS } from './staticAddresses.generated';

/** sizeof(PyTypeObject) in CPython 3.11 on x86-64. */
const TYPE_OBJECT_SIZE = 0x1a0;
const OBJECT_ADDRESS = DEFAULT_MMAP_TOP + OBJECT_ABOVE_MMAP_TOP;

const offsetsByName = new Map<string, number | null>();
for (const [qualified, offset] of Object.entries(STATIC_TYPE_OFFSETS)) {
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  // A bare name that two modules use is ambiguous: only its qualified form can find it.
  offsetsByName.set(name, offsetsByName.has(name) ? null : offset);
}

let nextUnknown = OBJECT_ADDRESS + Math.max(...Object.values(STATIC_TYPE_OFFSETS)) + TYPE_OBJECT_SIZE;
const given = new Set<number>();

/** The address of the static type `module.name`: CPython's when it has one, else a fresh slot. */
export function staticTypeAddress(module: string, name: string): number {
  const offset = STATIC_TYPE_OFFSETS[`${module}.${name}`] ?? offsetsByName.get(name) ?? null;
  let address = offset !== null ? OBJECT_ADDRESS + offset : 0;
  if (address === 0 || given.has(address)) {
    address = nextUnknown;
    nextUnknown += TYPE_OBJECT_SIZE;
  }
  given.add(address);
  return address;
}
