// The simulated operating system under pymalloc: an mmap that hands out pages top-down, and a
// malloc for the requests pymalloc passes on (0 bytes, more than 512 bytes, realloc of those).
//
// Invariants:
//  - Determinism: the same sequence of calls gives the same addresses, every run. Nothing here
//    reads a clock or a random source; the start addresses are constructor options.
//  - mmap models Linux's top-down allocator: a mapping goes into the highest gap below `top`
//    that is large enough, so an munmapped hole is reused by the next mapping that fits, and
//    fresh mappings sit just below the previous ones. Lengths are whole pages; mappings never
//    overlap.
//  - malloc models the observable parts of glibc on x86-64: chunks are 16-byte aligned with a
//    16-byte header (the address returned is chunk + 16), a chunk for n bytes is
//    max(32, roundup(n + 8, 16)) bytes, requests whose chunk reaches the mmap threshold (128 KiB,
//    raised dynamically when such a chunk is freed, up to 32 MiB) get their own mapping, and
//    small chunks freed recently are reused LIFO per size (the tcache: 7 per size, chunks up to
//    1040 bytes). The rest of the brk heap is best fit (lowest address on ties) with coalescing
//    into neighbours and the top chunk, a simplification of glibc's bins.
//  - The brk heap and the mmap area are disjoint (0x55... versus 0x7f...), so an address tells
//    which region it lives in, as on a real 64-bit Linux process.

import { PAGE_SIZE, roundUp } from './geometry';

export interface Mapping {
  readonly address: number;
  readonly length: number;
}

/**
 * A bound on the process's memory (the debugger's maxHeapBytes): asked before the footprint —
 * mapped bytes (arenas, large blocks) plus the brk heap — grows by `bytes`; it throws to refuse.
 * Only growth asks (a new mapping, the brk top moving up), never a reuse of memory already there.
 */
export interface FootprintLimit {
  grow(bytes: number): void;
}

/** Linux-style top-down anonymous mmap. */
export class SimulatedMmap {
  /** Live mappings, sorted by address, descending. */
  private readonly maps: Mapping[] = [];
  mapped = 0;
  /** Asked before the footprint grows (null: no limit; see FootprintLimit). */
  limit: FootprintLimit | null = null;

  constructor(readonly top: number, readonly floor: number) {
    if (top % PAGE_SIZE !== 0 || floor % PAGE_SIZE !== 0) throw new Error('mmap bounds must be page aligned');
  }

  mmap(length: number): number {
    const len = roundUp(Math.max(length, 1), PAGE_SIZE);
    if (this.limit !== null) this.limit.grow(len);
    let gapEnd = this.top;
    let at = 0;
    for (; at < this.maps.length; at++) {
      const m = this.maps[at];
      if (gapEnd - (m.address + m.length) >= len) break;
      gapEnd = m.address;
    }
    if (at === this.maps.length && gapEnd - this.floor < len) throw new Error('simulated mmap: address space exhausted');
    const address = gapEnd - len;
    this.maps.splice(at, 0, { address, length: len });
    this.mapped += len;
    return address;
  }

  munmap(address: number, length: number): void {
    const len = roundUp(Math.max(length, 1), PAGE_SIZE);
    const i = this.maps.findIndex((m) => m.address === address);
    if (i < 0 || this.maps[i].length !== len) throw new Error(`simulated munmap of an unmapped range at 0x${address.toString(16)}`);
    this.maps.splice(i, 1);
    this.mapped -= len;
  }

  mappings(): readonly Mapping[] {
    return this.maps;
  }
}

const SIZE_SZ = 8;
const MINSIZE = 32;
const CHUNK_HEADER = 16;
const TCACHE_MAX_CHUNK = 1040;
const TCACHE_COUNT = 7;
const DEFAULT_MMAP_THRESHOLD = 128 * 1024;
const DEFAULT_MMAP_THRESHOLD_MAX = 32 * 1024 * 1024;

interface Chunk {
  /** Chunk address (the user address is chunk + 16). */
  chunk: number;
  size: number;
  mmapped: boolean;
  /** The user's request, for reports. */
  request: number;
}

/** request2size: the chunk glibc carves for a request of `n` bytes. */
export function chunkSizeFor(n: number): number {
  return Math.max(MINSIZE, roundUp(n + SIZE_SZ, 16));
}

/** A deterministic malloc with glibc's visible behaviour (see the module comment). */
export class SystemMalloc {
  private readonly live = new Map<number, Chunk>();
  /** Free brk chunks outside the tcache, sorted by address. */
  private readonly freeChunks: { chunk: number; size: number }[] = [];
  private readonly tcache = new Map<number, number[]>();
  private top: number;
  mmapThreshold = DEFAULT_MMAP_THRESHOLD;
  /** Bytes currently handed out to callers (chunk sizes). */
  inUse = 0;

  constructor(readonly heapBase: number, readonly mmap: SimulatedMmap) {
    this.top = heapBase;
  }

  malloc(n: number): number {
    const size = chunkSizeFor(n);
    if (size >= this.mmapThreshold) {
      const len = roundUp(size + SIZE_SZ, PAGE_SIZE);
      const chunk = this.mmap.mmap(len);
      return this.hand({ chunk, size: len, mmapped: true, request: n });
    }
    const bin = this.tcache.get(size);
    if (bin !== undefined && bin.length > 0) return this.hand({ chunk: bin.pop()!, size, mmapped: false, request: n });
    let best = -1;
    for (let i = 0; i < this.freeChunks.length; i++) {
      const f = this.freeChunks[i];
      if (f.size >= size && (best < 0 || f.size < this.freeChunks[best].size)) best = i;
    }
    if (best >= 0) {
      const f = this.freeChunks[best];
      if (f.size - size >= MINSIZE) {
        const chunk = f.chunk;
        f.chunk += size;
        f.size -= size;
        return this.hand({ chunk, size, mmapped: false, request: n });
      }
      this.freeChunks.splice(best, 1);
      return this.hand({ chunk: f.chunk, size: f.size, mmapped: false, request: n });
    }
    const chunk = this.top;
    if (this.mmap.limit !== null) this.mmap.limit.grow(size);
    this.top += size;
    return this.hand({ chunk, size, mmapped: false, request: n });
  }

  free(address: number): void {
    const c = this.live.get(address);
    if (c === undefined) throw new Error(`free(): invalid pointer 0x${address.toString(16)}`);
    this.live.delete(address);
    this.inUse -= c.size;
    if (c.mmapped) {
      this.mmap.munmap(c.chunk, c.size);
      if (c.size > this.mmapThreshold && c.size <= DEFAULT_MMAP_THRESHOLD_MAX) this.mmapThreshold = c.size;
      return;
    }
    if (c.size <= TCACHE_MAX_CHUNK) {
      let bin = this.tcache.get(c.size);
      if (bin === undefined) this.tcache.set(c.size, (bin = []));
      if (bin.length < TCACHE_COUNT) {
        bin.push(c.chunk);
        return;
      }
    }
    this.release(c.chunk, c.size);
  }

  /** realloc: in place when the chunk is big enough or can grow into the top chunk, else move. */
  realloc(address: number, n: number): number {
    const c = this.live.get(address);
    if (c === undefined) throw new Error(`realloc(): invalid pointer 0x${address.toString(16)}`);
    const size = chunkSizeFor(n);
    if (c.mmapped) {
      if (size + SIZE_SZ <= c.size && size >= this.mmapThreshold) {
        c.request = n;
        return address;
      }
    } else if (size <= c.size) {
      if (c.size - size >= MINSIZE) {
        this.release(c.chunk + size, c.size - size);
        this.inUse -= c.size - size;
        c.size = size;
      }
      c.request = n;
      return address;
    } else if (c.chunk + c.size === this.top) {
      if (this.mmap.limit !== null) this.mmap.limit.grow(size - c.size);
      this.inUse += size - c.size;
      this.top = c.chunk + size;
      c.size = size;
      c.request = n;
      return address;
    }
    const moved = this.malloc(n);
    this.free(address);
    return moved;
  }

  /** Bytes of the brk heap (from its base to the top chunk). */
  get brkBytes(): number {
    return this.top - this.heapBase;
  }

  /** Number of live blocks. */
  get liveBlocks(): number {
    return this.live.size;
  }

  owns(address: number): boolean {
    return this.live.has(address);
  }

  /** The request size recorded for a live address. */
  requestOf(address: number): number | undefined {
    return this.live.get(address)?.request;
  }

  /** Live blocks, by address. */
  blocks(): { address: number; request: number; chunkSize: number; mmapped: boolean }[] {
    return [...this.live.entries()]
      .map(([address, c]) => ({ address, request: c.request, chunkSize: c.size, mmapped: c.mmapped }))
      .sort((a, b) => a.address - b.address);
  }

  private hand(c: Chunk): number {
    const address = c.chunk + CHUNK_HEADER;
    this.live.set(address, c);
    this.inUse += c.size;
    return address;
  }

  /** Return a brk chunk to the free set, coalescing with free neighbours and the top. */
  private release(chunk: number, size: number): void {
    const list = this.freeChunks;
    let i = 0;
    while (i < list.length && list[i].chunk < chunk) i++;
    let start = chunk;
    let end = chunk + size;
    if (i > 0 && list[i - 1].chunk + list[i - 1].size === start) {
      start = list[i - 1].chunk;
      list.splice(--i, 1);
    }
    if (i < list.length && list[i].chunk === end) {
      end += list[i].size;
      list.splice(i, 1);
    }
    if (end === this.top) {
      this.top = start;
      return;
    }
    list.splice(i, 0, { chunk: start, size: end - start });
  }
}
