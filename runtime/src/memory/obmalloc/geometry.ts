// The geometry of CPython 3.11's small-object allocator as an x86-64 Linux build configures it.
//
// 3.11 defines USE_LARGE_ARENAS whenever pointers are 64-bit (ARENA_BITS 20: 1 MiB arenas
// instead of 256 KiB) and USE_LARGE_POOLS when the radix tree is built as well
// (WITH_PYMALLOC_RADIX_TREE, on by default: POOL_BITS 14, 16 KiB pools instead of 4 KiB). Blocks are 16-byte aligned (ALIGNMENT_SHIFT 4), so requests of 1..512 bytes fall into
// 32 size classes: class i serves requests of 16*i+1 .. 16*(i+1) bytes with blocks of 16*(i+1).
// The pool header (struct pool_header: a 4-byte count union padded to 8, freeblock, nextpool,
// prevpool, arenaindex, szidx, nextoffset, maxnextoffset) is 48 bytes, already a multiple of 16.
//
// Addresses are JavaScript numbers: 64-bit Linux user addresses stay below 2^47, well inside the
// 2^53 integers a double holds exactly. Never use the 32-bit bitwise operators on them: these
// helpers divide instead.

export const ALIGNMENT = 16;
export const ALIGNMENT_SHIFT = 4;
export const SMALL_REQUEST_THRESHOLD = 512;
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
export const ARENA_BITS = 20;
export const ARENA_SIZE = 2 ** ARENA_BITS;
export const POOL_BITS = 14;
export const POOL_SIZE = 2 ** POOL_BITS;
export const MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;
/** sizeof(struct pool_header) rounded up to ALIGNMENT. */
export const POOL_OVERHEAD = 48;
/** obmalloc.c's INITIAL_ARENA_OBJECTS: the first size of the `arenas` bookkeeping array. */
export const INITIAL_ARENA_OBJECTS = 16;
/** The page size of the simulated system (mmap granularity). */
export const PAGE_SIZE = 4096;

/** Block size of size class `szidx` (INDEX2SIZE). */
export function index2size(szidx: number): number {
  return (szidx + 1) << ALIGNMENT_SHIFT;
}

/** Size class of a request of 1..512 bytes ((nbytes - 1) >> ALIGNMENT_SHIFT). */
export function sizeClassIndex(nbytes: number): number {
  return (nbytes - 1) >> ALIGNMENT_SHIFT;
}

/** Number of blocks a pool of class `szidx` holds (NUMBLOCKS). */
export function numBlocks(szidx: number): number {
  return Math.floor((POOL_SIZE - POOL_OVERHEAD) / index2size(szidx));
}

/** POOL_ADDR: the pool a block address belongs to (round down to a POOL_SIZE boundary). */
export function poolAddressOf(address: number): number {
  return address - (address % POOL_SIZE);
}

/** Round `n` up to a multiple of `m` (m a power of two or any positive integer). */
export function roundUp(n: number, m: number): number {
  const r = n % m;
  return r === 0 ? n : n + (m - r);
}

/** `0x`-prefixed lower-case hex, as `%p` prints on Linux. */
export function hex(address: number): string {
  return '0x' + address.toString(16);
}
