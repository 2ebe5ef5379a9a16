// The messages between the extension host and PyXray's webviews (memory map, GIL timeline).
// Plain JSON types only: this file is imported by both the host bundle and the webview bundles.
//
// The memory map travels compactly: a block is one small integer (0 = free, else 1 + an index
// into `types`) plus a mark (new / freed since the last stop), so tens of thousands of blocks
// cost a few hundred kilobytes at most. The object behind a block is sent only when the user
// selects it (`select` → `object`).

import type { GilTimelineResponse, ObjectSummary } from '../../debug-adapter/src/protocol';

export const BLOCK_FREE = 0;
/** Bits of CompactPool.marks entries. */
export const MARK_NEW = 1;
export const MARK_FREED = 2;

export interface CompactPool {
  address: string;
  sizeClass: number;
  blockSize: number;
  used: number;
  free: number;
  /** Per block: BLOCK_FREE, or 1 + index into CompactHeap.types; empty when the adapter sent counts only. */
  blocks: number[];
  /** Per block: MARK_NEW | MARK_FREED bits (same length as blocks). */
  marks: number[];
}

export interface CompactArena {
  index: number;
  address: string;
  freePools: number;
  pools: CompactPool[];
}

export interface CompactHeap {
  instruction: number;
  types: string[];
  arenas: CompactArena[];
  totals: { arenas: number; pools: number; blocksUsed: number; blocksFree: number; bytesInUse: number };
  largeObjects: { address: string; type: string; size: number }[];
  allocatedSinceLastStop: number;
  freedSinceLastStop: number;
}

/** Where a block is: indices into arenas → pools → blocks. */
export interface BlockPosition {
  arena: number;
  pool: number;
  block: number;
}

export interface SelectedObject {
  position: BlockPosition;
  address: string;
  state: 'used' | 'free';
  isNew: boolean;
  wasFreed: boolean;
  object?: ObjectSummary;
  /** Who holds it: frames' names ("frame f line 3: local x") and referring objects, when the adapter can say. */
  heldBy?: string[];
  /** A name in the stopped frame that refers to it, for "Show in Watch". */
  watchName?: string;
}

export type HostToMemoryMap =
  | { kind: 'heap'; heap: CompactHeap }
  | { kind: 'unavailable'; text: string }
  | { kind: 'object'; selected: SelectedObject }
  | { kind: 'running' };

export type MemoryMapToHost =
  | { kind: 'ready' }
  | { kind: 'select'; position: BlockPosition }
  | { kind: 'watch'; name: string }
  | { kind: 'openInPanel' };

export type HostToGilTimeline =
  | { kind: 'timeline'; timeline: GilTimelineResponse }
  | { kind: 'unavailable'; text: string };

export type GilTimelineToHost = { kind: 'ready' };
