// Geometry of the memory map, without the DOM (unit-tested in test/unit/client): where each
// pool's tile and each block's cell sit on the canvas at a zoom level, which of them a point
// hits, and which neighbour an arrow key moves to.
//
// Two levels: the whole heap (arenas one under the other, each a grid of pool tiles; inside a
// tile one cell per block, so a pool of 1021 16-byte blocks is a 32 × 32 grid) and one pool
// (its blocks as large cells). The heap level has a tile size the user zooms with +/-; drawing
// only looks at the tiles that intersect the visible band, so a heap of many arenas costs what
// the viewport shows, not what the heap holds.

import type { CompactHeap, CompactPool } from '../messages';

export const ARENA_HEADER_HEIGHT = 22;
export const TILE_GAP = 4;
export const TILE_SIZES = [40, 56, 72, 112, 160] as const;
export const POOL_CELL = 22;
export const POOL_HEADER_HEIGHT = 26;

export type Zoom = { level: 'heap'; tileSize: number } | { level: 'pool'; arena: number; pool: number };

export interface Tile {
  arena: number;
  pool: number;
  x: number;
  y: number;
  size: number;
  /** Blocks per row inside the tile and the side of one block's cell, in (fractional) pixels. */
  columns: number;
  cell: number;
}

export interface ArenaHeader {
  arena: number;
  y: number;
}

export interface HeapLayout {
  tiles: Tile[];
  headers: ArenaHeader[];
  tilesPerRow: number;
  height: number;
}

/** The number of blocks a pool holds (used + free), whether or not the blocks were sent. */
export function blockCount(pool: CompactPool): number {
  return Math.max(pool.blocks.length, pool.used + pool.free);
}

/** Blocks per row for `count` blocks laid out in a square. */
export function squareColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

export function heapLayout(heap: CompactHeap, width: number, tileSize: number): HeapLayout {
  const tilesPerRow = Math.max(1, Math.floor((width - TILE_GAP) / (tileSize + TILE_GAP)));
  const tiles: Tile[] = [];
  const headers: ArenaHeader[] = [];
  let y = 0;
  heap.arenas.forEach((arena, arenaIndex) => {
    headers.push({ arena: arenaIndex, y });
    y += ARENA_HEADER_HEIGHT;
    arena.pools.forEach((pool, poolIndex) => {
      const row = Math.floor(poolIndex / tilesPerRow);
      const column = poolIndex % tilesPerRow;
      const columns = squareColumns(blockCount(pool));
      // Two pixels of the tile are its frame; the blocks share the rest (a fractional cell: a
      // pool of 1021 blocks fills its tile at every tile size).
      const cell = (tileSize - 4) / columns;
      tiles.push({ arena: arenaIndex, pool: poolIndex, x: TILE_GAP + column * (tileSize + TILE_GAP), y: y + row * (tileSize + TILE_GAP), size: tileSize, columns, cell });
    });
    const rows = Math.ceil(arena.pools.length / tilesPerRow);
    y += rows * (tileSize + TILE_GAP) + TILE_GAP;
  });
  return { tiles, headers, tilesPerRow, height: y };
}

/** Tiles that intersect the band [top, bottom): the only ones drawn. */
export function visibleTiles(layout: HeapLayout, top: number, bottom: number): Tile[] {
  // Tiles are in increasing y order: binary search the first one whose bottom edge is below top.
  const { tiles } = layout;
  let low = 0;
  let high = tiles.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tiles[middle].y + tiles[middle].size <= top) low = middle + 1;
    else high = middle;
  }
  const out: Tile[] = [];
  for (let i = low; i < tiles.length && tiles[i].y < bottom; i++) out.push(tiles[i]);
  return out;
}

/** The cell of block `index` inside a tile (heap level), relative to the canvas. */
export function blockCellInTile(tile: Tile, index: number): { x: number; y: number; size: number } {
  return { x: tile.x + 2 + (index % tile.columns) * tile.cell, y: tile.y + 2 + Math.floor(index / tile.columns) * tile.cell, size: tile.cell };
}

export interface HeapHit {
  arena: number;
  pool: number;
  /** The block under the point when the point is on one. */
  block?: number;
}

export function hitHeap(heap: CompactHeap, layout: HeapLayout, x: number, y: number): HeapHit | undefined {
  for (const tile of visibleTiles(layout, y, y + 1)) {
    if (x < tile.x || x >= tile.x + tile.size || y < tile.y || y >= tile.y + tile.size) continue;
    const column = Math.floor((x - tile.x - 2) / tile.cell);
    const row = Math.floor((y - tile.y - 2) / tile.cell);
    const index = row * tile.columns + column;
    const inside = column >= 0 && column < tile.columns && row >= 0 && index < blockCount(heap.arenas[tile.arena].pools[tile.pool]);
    return inside ? { arena: tile.arena, pool: tile.pool, block: index } : { arena: tile.arena, pool: tile.pool };
  }
  return undefined;
}

export interface PoolLayout {
  columns: number;
  cell: number;
  top: number;
  height: number;
}

export function poolLayout(pool: CompactPool, width: number): PoolLayout {
  const columns = Math.max(1, Math.floor((width - 2 * TILE_GAP) / POOL_CELL));
  const rows = Math.ceil(blockCount(pool) / columns);
  return { columns, cell: POOL_CELL, top: POOL_HEADER_HEIGHT, height: POOL_HEADER_HEIGHT + rows * POOL_CELL + TILE_GAP };
}

export function blockCellInPool(layout: PoolLayout, index: number): { x: number; y: number; size: number } {
  return { x: TILE_GAP + (index % layout.columns) * layout.cell, y: layout.top + Math.floor(index / layout.columns) * layout.cell, size: layout.cell };
}

export function hitPool(pool: CompactPool, layout: PoolLayout, x: number, y: number): number | undefined {
  const column = Math.floor((x - TILE_GAP) / layout.cell);
  const row = Math.floor((y - layout.top) / layout.cell);
  if (column < 0 || column >= layout.columns || row < 0) return undefined;
  const index = row * layout.columns + column;
  return index < blockCount(pool) ? index : undefined;
}

export type Arrow = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

/** Moves `index` in a grid of `count` items laid out `columns` per row, clamped to the grid. */
export function moveInGrid(index: number, count: number, columns: number, arrow: Arrow): number {
  if (count === 0) return 0;
  const step = { left: -1, right: 1, up: -columns, down: columns, home: -Infinity, end: Infinity }[arrow];
  const next = index + step;
  if (next < 0) return arrow === 'up' ? index : 0;
  if (next >= count) return arrow === 'down' ? index : count - 1;
  return next;
}

/** A pool's position in the heap as one running index (arena after arena), and back. */
export function flatPoolIndex(heap: CompactHeap, arena: number, pool: number): number {
  let index = 0;
  for (let a = 0; a < arena; a++) index += heap.arenas[a].pools.length;
  return index + pool;
}

export function poolAtFlatIndex(heap: CompactHeap, flat: number): { arena: number; pool: number } | undefined {
  let rest = flat;
  for (let a = 0; a < heap.arenas.length; a++) {
    const pools = heap.arenas[a].pools.length;
    if (rest < pools) return { arena: a, pool: rest };
    rest -= pools;
  }
  return undefined;
}

export function poolCount(heap: CompactHeap): number {
  return heap.arenas.reduce((sum, arena) => sum + arena.pools.length, 0);
}

/** Fill of a pool, 0..1. */
export function poolFill(pool: CompactPool): number {
  const count = blockCount(pool);
  return count === 0 ? 0 : pool.used / count;
}

/** Counts of used blocks per type (index into heap.types), for the legend. */
export function typeCounts(heap: CompactHeap): number[] {
  const counts = new Array<number>(heap.types.length).fill(0);
  for (const arena of heap.arenas) {
    for (const pool of arena.pools) {
      for (const block of pool.blocks) if (block > 0) counts[block - 1]++;
    }
  }
  return counts;
}
