// The heap as the debugger's views show it, built when asked (nothing runs while the program
// does): the allocator's arenas → pools → blocks (obmalloc's own views), each allocated block
// matched with the live object in it, found by walking the references from the roots (every
// frame's slots and value stack, sys.modules, builtins, __main__). A block whose object is not
// reachable from a root (a garbage cycle not collected yet, a buffer) is shown without one.
// Also an object's referents (the references it holds) and referrers (who holds it), by the same
// walk. Reading only: no refcount changes, no Python code.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { PyDict } from '../objects/dict';
import { PyFunction } from '../objects/function';
import { PyCell } from '../objects/cell';
import { allocator, preHeaderSize } from '../memory/heap';
import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import { frameStack } from './frameView';
import { objectChildren, safeRepr, hexAddress, qualifiedTypeName, isStatic } from './objectView';

const SMALL_REQUEST_THRESHOLD = 512;
const SUMMARY_REPR = 80;

export interface ObjectSummaryData {
  address: string;
  type: string;
  repr: string;
  refcount: number | null;
  size: number;
  sizeClass: number | null;
}

export function objectSummary(o: PyObject): ObjectSummaryData {
  const repr = safeRepr(o);
  const request = Math.abs(o.ob_size);
  return {
    address: hexAddress(o),
    type: qualifiedTypeName(o.ob_type),
    repr: repr.length > SUMMARY_REPR ? repr.slice(0, SUMMARY_REPR) + '…' : repr,
    refcount: isStatic(o) ? null : o.ob_refcnt,
    size: request,
    sizeClass: request > 0 && request <= SMALL_REQUEST_THRESHOLD ? ((request + 15) >> 4) - 1 : null,
  };
}

/** A root that is not an object: a frame's slot or value stack entry. */
export interface RootReference {
  object: PyObject;
  label: string;
}

/** Every object reachable from the program's roots, with the non-object roots that hold them. */
export class HeapWalk {
  readonly objects: PyObject[] = [];
  readonly roots: RootReference[] = [];
  private readonly seen = new Set<PyObject>();

  constructor(interp: Interpreter, topFrame: Frame | null, limit = 500_000) {
    // Every thread's frames: the running one's chain starts at `topFrame`, the others' wait in
    // their thread states.
    const tops: (Frame | null)[] = [topFrame];
    for (const t of interp.threads.threads) if (t !== interp.threads.current && t.frame !== null) tops.push(t.frame);
    for (const top of tops) this.frameRoots(top);
    if (interp.modules) this.root(interp.modules, 'sys.modules');
    if (interp.builtins) this.root(interp.builtins, 'builtins');
    for (let i = 0; i < this.objects.length && i < limit; i++) {
      for (const r of referents(this.objects[i])) this.visit(r.object);
    }
  }

  private frameRoots(top: Frame | null): void {
    for (let f = top; f !== null; f = f.previous) {
      const co = f.code.co;
      f.fast.forEach((v, i) => v !== null && this.root(v, `${co.co_qualname}: ${co.co_localsplusnames[i]}`));
      frameStack(f).forEach((v, i) => v !== null && this.root(v, `${co.co_qualname}: value stack [${i}]`));
      if (f.locals !== null) this.root(f.locals, `${co.co_qualname}: namespace`);
      this.root(f.globals, `${co.co_qualname}: globals`);
    }
  }

  private root(o: PyObject, label: string): void {
    this.roots.push({ object: o, label });
    this.visit(o);
  }

  private visit(o: PyObject): void {
    if (!this.seen.has(o)) {
      this.seen.add(o);
      this.objects.push(o);
    }
  }

  /** Live objects by the address of their block (id minus the pre-header). */
  byBlock(): Map<number, PyObject> {
    const out = new Map<number, PyObject>();
    for (const o of this.objects) if (o.ob_size > 0) out.set(o.ob_addr - preHeaderSize(o), o);
    return out;
  }

  /** The objects (and roots) holding a reference to `target`, with how they hold it. */
  referrers(target: PyObject): { holder: PyObject | null; label: string }[] {
    const out: { holder: PyObject | null; label: string }[] = [];
    for (const r of this.roots) if (r.object === target) out.push({ holder: null, label: r.label });
    for (const o of this.objects) {
      for (const r of referents(o)) if (r.object === target) out.push({ holder: o, label: r.label });
    }
    return out;
  }
}

/**
 * The references an object holds, as tp_traverse visits them: items, a dict's keys and values,
 * an instance's or module's __dict__ (the dict object, not its entries), a heap type for its
 * instances. (objectChildren, the variables view, lists a __dict__'s entries instead.)
 */
export function referents(o: PyObject): { object: PyObject; label: string }[] {
  const out: { object: PyObject; label: string }[] = [];
  const children = objectChildren(o);
  const ownDict = o.dict !== null && !(o instanceof PyType) ? o.dict : null;
  const fromDict = ownDict !== null ? ownDict.entries().length : 0;
  for (const child of children.slice(0, children.length - fromDict)) if (child.value !== null) out.push({ object: child.value, label: child.name });
  if (ownDict !== null) out.push({ object: ownDict, label: '__dict__' });
  if (o instanceof PyDict) for (const [k] of o.entries()) out.push({ object: k, label: `key ${safeRepr(k)}` });
  if (o.ob_type.isHeapType && !(o instanceof PyType)) out.push({ object: o.ob_type, label: 'ob_type' });
  return out;
}

export interface HeapBlockData {
  address: string;
  state: 'used' | 'free';
  object?: ObjectSummaryData;
  isNew?: boolean;
}

export interface HeapPoolData {
  address: string;
  sizeClass: number;
  blockSize: number;
  blocksUsed: number;
  blocksFree: number;
  blocks?: HeapBlockData[];
}

export interface HeapArenaData {
  index: number;
  address: string;
  pools: HeapPoolData[];
  freePools: number;
}

export interface HeapMapData {
  arenas: HeapArenaData[];
  largeObjects: ObjectSummaryData[];
  totals: { arenas: number; pools: number; blocksUsed: number; blocksFree: number; bytesInUse: number };
  /** Addresses of every used block now (the next call's "since" diff). */
  usedBlocks: Set<number>;
  allocated: string[];
  freed: string[];
}

const hex = (n: number) => '0x' + n.toString(16);

/**
 * The heap map: obmalloc's arenas and pools with their blocks, objects matched by address.
 * `previous`: the used blocks of the previous map, for allocated / freed since then.
 */
export function heapMap(walk: HeapWalk, options: { arena?: number; blocks?: boolean; previous?: Set<number> | null }): HeapMapData {
  const objects = walk.byBlock();
  const usedBlocks = new Set<number>();
  const totals = { arenas: 0, pools: 0, blocksUsed: 0, blocksFree: 0, bytesInUse: 0 };
  const arenas: HeapArenaData[] = [];
  const previous = options.previous ?? null;
  for (const arena of allocator.arenaViews()) {
    totals.arenas++;
    const pools: HeapPoolData[] = [];
    for (const pool of arena.pools) {
      totals.pools++;
      totals.blocksUsed += pool.used;
      totals.blocksFree += pool.capacity - pool.used;
      totals.bytesInUse += pool.used * pool.blockSize;
      for (const b of pool.blocks) usedBlocks.add(b);
      if (options.arena !== undefined && options.arena !== arena.index) continue;
      const data: HeapPoolData = { address: hex(pool.address), sizeClass: pool.szidx, blockSize: pool.blockSize, blocksUsed: pool.used, blocksFree: pool.capacity - pool.used };
      if (options.blocks !== false) {
        const used = new Set(pool.blocks);
        data.blocks = [];
        // The carved blocks, in address order (the rest of the pool was never touched).
        const carved = [...pool.blocks, ...pool.freeList].sort((x, y) => x - y);
        for (const b of carved) {
          const block: HeapBlockData = { address: hex(b), state: used.has(b) ? 'used' : 'free' };
          const o = used.has(b) ? objects.get(b) : undefined;
          if (o !== undefined) block.object = objectSummary(o);
          if (used.has(b) && previous !== null && !previous.has(b)) block.isNew = true;
          data.blocks.push(block);
        }
      }
      pools.push(data);
    }
    if (options.arena === undefined || options.arena === arena.index) {
      arenas.push({ index: arena.index, address: hex(arena.address), pools, freePools: arena.nfreepools + arena.untouchedPools });
    }
  }
  const largeObjects = walk.objects.filter((o) => Math.abs(o.ob_size) > SMALL_REQUEST_THRESHOLD).map(objectSummary);
  for (const o of largeObjects) totals.bytesInUse += o.size;
  const allocated: string[] = [];
  const freed: string[] = [];
  if (previous !== null) {
    for (const b of usedBlocks) if (!previous.has(b)) allocated.push(hex(b));
    for (const b of previous) if (!usedBlocks.has(b)) freed.push(hex(b));
  }
  return { arenas, largeObjects, totals, usedBlocks, allocated, freed };
}

export interface SizeClassStats {
  sizeClass: number;
  blockSize: number;
  pools: number;
  blocksUsed: number;
  blocksFree: number;
}

export interface MemoryStats {
  arenas: number;
  pools: number;
  blocksUsed: number;
  blocksFree: number;
  /** Blocks allocated by the system malloc (requests over 512 bytes). */
  largeBlocks: number;
  sizeClasses: SizeClassStats[];
}

/** The Memory scope: arenas, pools per size class, blocks used and free (sys._debugmallocstats' numbers). */
export function memoryStats(): MemoryStats {
  const bySize = new Map<number, SizeClassStats>();
  const stats: MemoryStats = { arenas: 0, pools: 0, blocksUsed: 0, blocksFree: 0, largeBlocks: allocator.counters().largeBlocksInUse, sizeClasses: [] };
  for (const arena of allocator.arenaViews()) {
    stats.arenas++;
    for (const pool of arena.pools) {
      stats.pools++;
      stats.blocksUsed += pool.used;
      stats.blocksFree += pool.free;
      let s = bySize.get(pool.szidx);
      if (s === undefined) bySize.set(pool.szidx, (s = { sizeClass: pool.szidx, blockSize: pool.blockSize, pools: 0, blocksUsed: 0, blocksFree: 0 }));
      s.pools++;
      s.blocksUsed += pool.used;
      s.blocksFree += pool.free;
    }
  }
  stats.sizeClasses = [...bySize.values()].sort((a, b) => a.sizeClass - b.sizeClass);
  return stats;
}

/** The addresses of every used pymalloc block now (for "allocated / freed since" diffs). */
export function usedBlocks(): Set<number> {
  const out = new Set<number>();
  for (const arena of allocator.arenaViews()) for (const pool of arena.pools) for (const b of pool.blocks) out.add(b);
  return out;
}

/** The address of the block holding `o` (its id minus the GC / managed-dict pre-header), hex. */
export function blockAddressOf(o: PyObject): string {
  return hex(o.ob_addr - preHeaderSize(o));
}

/** The functions whose __closure__ holds this cell (the closures that share a variable), by qualname. */
export function functionsSharingCell(walk: HeapWalk, cell: PyObject): string[] {
  if (!(cell instanceof PyCell)) return [];
  const out: string[] = [];
  for (const o of walk.objects) {
    if (o instanceof PyFunction && o.closure !== null && o.closure.items.includes(cell)) out.push(o.qualname);
  }
  return out;
}
