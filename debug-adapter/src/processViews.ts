// Process-wide views of a stopped program: the Memory scope (arenas, pools per size class,
// blocks used and free) and PyXray's custom requests (protocol.ts): pyxray/heapMap,
// pyxray/objectGraph, pyxray/gcLog, pyxray/gilTimeline. It converts the runtime's inspect data
// into the wire types the client's views are built on.
//
// "Since the last stop": once the heap map has been asked for, the used blocks are recorded at
// every stop (a walk of obmalloc's pools — only while the view is in use), and the map reports
// the blocks allocated and freed between the previous stop and this one.
// GC and GIL data come from the GC and threads engineers' inspect views; until those exist the
// requests answer with an error that says so (never with made-up data).

import type { DebugProtocol } from '@vscode/debugprotocol';
import { HeapWalk, heapMap, referents, objectSummary, memoryStats, usedBlocks, type DebugProgram, type PyObject } from '../../runtime/src/inspect/index';
import type {
  HeapMapArguments, HeapMapResponse, ObjectGraphArguments, ObjectGraphResponse, ObjectSummary,
} from './protocol';

export class ProcessViews {
  private heapMapInUse = false;
  private blocksAtPreviousStop: Set<number> | null = null;
  private blocksAtThisStop: Set<number> | null = null;

  /** Call at every stop (cheap unless the heap map is in use). */
  stopped(): void {
    if (!this.heapMapInUse) return;
    this.blocksAtPreviousStop = this.blocksAtThisStop;
    this.blocksAtThisStop = usedBlocks();
  }

  heapMap(program: DebugProgram, args: HeapMapArguments): HeapMapResponse {
    if (!this.heapMapInUse) {
      this.heapMapInUse = true;
      this.stopped();
    }
    const walk = new HeapWalk(program.interp, program.topFrame);
    const map = heapMap(walk, { arena: args.arena, blocks: args.blocks, previous: this.blocksAtPreviousStop });
    return {
      arenas: map.arenas,
      largeObjects: map.largeObjects,
      totals: map.totals,
      sinceLastStop: { allocated: map.allocated, freed: map.freed },
      instruction: program.instructionCount,
    };
  }

  objectGraph(program: DebugProgram, root: PyObject, args: ObjectGraphArguments): ObjectGraphResponse {
    const direction = args.direction ?? 'both';
    const maxDepth = Math.max(1, args.depth ?? 1);
    const maxNodes = Math.max(1, args.maxNodes ?? 200);
    const walk = direction === 'referents' ? null : new HeapWalk(program.interp, program.topFrame);
    const nodes = new Map<PyObject, ObjectSummary>([[root, objectSummary(root)]]);
    const edges: ObjectGraphResponse['edges'] = [];
    const roots: { to: string; label: string }[] = [];
    let truncated = false;
    const add = (o: PyObject) => {
      if (nodes.has(o)) return true;
      if (nodes.size >= maxNodes) {
        truncated = true;
        return false;
      }
      nodes.set(o, objectSummary(o));
      return true;
    };
    let frontier = [root];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: PyObject[] = [];
      for (const o of frontier) {
        const address = nodes.get(o)!.address;
        if (direction !== 'referrers') {
          for (const r of referents(o)) {
            const isNew = !nodes.has(r.object);
            if (!add(r.object)) continue;
            edges.push({ from: address, to: nodes.get(r.object)!.address, label: r.label });
            if (isNew) next.push(r.object);
          }
        }
        if (walk !== null) {
          for (const r of walk.referrers(o)) {
            if (r.holder === null) {
              roots.push({ to: address, label: r.label });
              continue;
            }
            const isNew = !nodes.has(r.holder);
            if (!add(r.holder)) continue;
            edges.push({ from: nodes.get(r.holder)!.address, to: address, label: r.label });
            if (isNew) next.push(r.holder);
          }
        }
      }
      frontier = next;
    }
    return { root: nodes.get(root)!.address, nodes: [...nodes.values()], edges, roots, truncated };
  }

  /** The Memory scope's variables. */
  memoryVariables(): DebugProtocol.Variable[] {
    const stats = memoryStats();
    const hint: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const row = (name: string, value: string): DebugProtocol.Variable => ({ name, value, variablesReference: 0, presentationHint: hint });
    return [
      row('arenas', `${stats.arenas} (1 MiB each)`),
      row('pools', `${stats.pools} (16 KiB each)`),
      row('blocks used', String(stats.blocksUsed)),
      row('blocks free', `${stats.blocksFree} (in carved and uncarved parts of used pools)`),
      row('large blocks (malloc)', String(stats.largeBlocks)),
      ...stats.sizeClasses.map((s) => row(`size class ${s.sizeClass} (${s.blockSize} bytes)`, `${s.pools} pool${s.pools === 1 ? '' : 's'}, ${s.blocksUsed} used, ${s.blocksFree} free`)),
    ];
  }
}
