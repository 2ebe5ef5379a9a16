// Turns the adapter's pyxray/heapMap answer into the memory map's compact form (see
// client/webview/messages.ts) and finds the block behind a position again. Pure: no vscode,
// so the unit tests run it on fixture data.

import type { HeapMapResponse, HeapBlock } from '../../../debug-adapter/src/protocol';
import { BLOCK_FREE, MARK_FREED, MARK_NEW, type BlockPosition, type CompactHeap } from '../../webview/messages';

export function compactHeap(response: HeapMapResponse): CompactHeap {
  const typeIndex = new Map<string, number>();
  const types: string[] = [];
  const allocated = new Set(response.sinceLastStop.allocated);
  const freed = new Set(response.sinceLastStop.freed);
  const indexOf = (type: string): number => {
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = types.length;
      types.push(type);
      typeIndex.set(type, index);
    }
    return index;
  };
  return {
    instruction: response.instruction,
    types,
    arenas: response.arenas.map((arena) => ({
      index: arena.index,
      address: arena.address,
      freePools: arena.freePools,
      pools: arena.pools.map((pool) => {
        const blocks: number[] = [];
        const marks: number[] = [];
        for (const block of pool.blocks ?? []) {
          // A block holding a non-object allocation (a list's item array, a dict's keys) is
          // used but has no type of its own.
          blocks.push(block.state === 'free' ? BLOCK_FREE : 1 + indexOf(block.object?.type ?? '(buffer)'));
          let mark = 0;
          if (block.state === 'used' && (block.isNew || allocated.has(block.address))) mark |= MARK_NEW;
          if (block.state === 'free' && freed.has(block.address)) mark |= MARK_FREED;
          marks.push(mark);
        }
        return { address: pool.address, sizeClass: pool.sizeClass, blockSize: pool.blockSize, used: pool.blocksUsed, free: pool.blocksFree, blocks, marks };
      }),
    })),
    totals: response.totals,
    largeObjects: response.largeObjects.map((object) => ({ address: object.address, type: object.type, size: object.size })),
    allocatedSinceLastStop: response.sinceLastStop.allocated.length,
    freedSinceLastStop: response.sinceLastStop.freed.length,
  };
}

export function blockAt(response: HeapMapResponse, position: BlockPosition): HeapBlock | undefined {
  return response.arenas[position.arena]?.pools[position.pool]?.blocks?.[position.block];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Frame roots that are not a variable: "f: value stack [0]", "f: namespace", "f: globals". */
const NOT_A_NAME = new Set(['namespace', 'globals']);

/**
 * A name in the stopped program that holds the object, for adding it to the Watch view: from
 * objectGraph's frame roots ("inner_function: x", a frame's local slot; also "frame f line 3:
 * local x"), else from a dict entry that holds it ("['x']", e.g. the module's globals).
 */
export function watchNameOf(rootLabels: readonly string[], dictKeyLabels: readonly string[] = []): string | undefined {
  for (const label of rootLabels) {
    const name = label.slice(label.lastIndexOf(':') + 1).trim().replace(/^(?:local|cell|free|global)\s+/, '');
    if (IDENTIFIER.test(name) && !NOT_A_NAME.has(name)) return name;
  }
  for (const label of dictKeyLabels) {
    const match = /^\[['"]([A-Za-z_][A-Za-z0-9_]*)['"]\]$/.exec(label);
    if (match) return match[1];
  }
  return undefined;
}
