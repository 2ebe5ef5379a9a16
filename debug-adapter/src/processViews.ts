// Process-wide views of a stopped program: the Memory scope (arenas, pools per size class,
// blocks used and free), the GIL scope (holder, waiters, drop request, switch interval, the last
// hand-overs) and PyXray's custom requests (protocol.ts): pyxray/heapMap, pyxray/objectGraph,
// pyxray/gilTimeline, pyxray/gcLog. It converts the runtime's inspect data into the wire types
// the client's views are built on.
//
// "Since the last stop": once the heap map has been asked for, the used blocks are recorded at
// every stop (a walk of obmalloc's pools — only while the view is in use), and the map reports
// the blocks allocated and freed between the previous stop and this one.
// GC data come from the GC engineer's inspect view; until it exists pyxray/gcLog answers with an
// error that says so (never with made-up data).

import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  HeapWalk, heapMap, referents, objectSummary, memoryStats, usedBlocks, debugThreads, debugGil, gcStateView, gcGarbage, gcGenerationOf,
  type DebugProgram, type PyObject,
} from '../../runtime/src/inspect/index';
import type {
  HeapMapArguments, HeapMapResponse, ObjectGraphArguments, ObjectGraphResponse, ObjectSummary,
  GilTimelineArguments, GilTimelineResponse, GilSpan, GcEvent, GcLogArguments, GcLogResponse,
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

  /** The GIL scope: holder, waiters, drop request, switch interval, switches, the last hand-overs. */
  gilVariables(program: DebugProgram): DebugProtocol.Variable[] {
    const gil = debugGil(program.interp);
    const threads = debugThreads(program.interp);
    const nameOf = (id: number | null) => (id === null ? 'nobody' : threads.find((t) => t.id === id)?.name ?? `thread ${id}`);
    const hint: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const row = (name: string, value: string): DebugProtocol.Variable => ({ name, value, variablesReference: 0, presentationHint: hint });
    const recent = gil.log.slice(-10).reverse();
    return [
      row('holder', nameOf(gil.holder)),
      row('waiters', gil.waiters.length === 0 ? 'none' : gil.waiters.map(nameOf).join(', ')),
      row('drop request', gil.dropRequest ? 'set (the holder drops the GIL at its next eval-breaker check)' : 'not set'),
      row('switch interval', `${gil.switchInterval} s`),
      row('switches', String(gil.switches)),
      row('virtual time', `${gil.nowSeconds.toFixed(6)} s`),
      ...recent.map((h, i) => row(`hand-over −${i + 1}`, `t=${h.atSeconds.toFixed(6)} s: ${nameOf(h.from)} → ${nameOf(h.to)} (${h.reason})`)),
    ];
  }

  /** pyxray/gilTimeline: who held the GIL over virtual time, from the hand-over log. */
  gilTimeline(program: DebugProgram, args: GilTimelineArguments): GilTimelineResponse {
    const gil = debugGil(program.interp);
    const threads = debugThreads(program.interp);
    const spans: GilSpan[] = [];
    // The main thread holds the GIL from the start until the first hand-over.
    let holder: number | null = 0;
    let since = 0;
    for (const h of gil.log) {
      if (holder !== null && h.atSeconds > since) spans.push({ threadId: holder + 1, start: since, end: h.atSeconds });
      holder = h.to;
      since = h.atSeconds;
    }
    if (holder !== null) spans.push({ threadId: holder + 1, start: since, end: null });
    const from = args.since ?? 0;
    return {
      now: gil.nowSeconds,
      switchInterval: gil.switchInterval,
      holder: gil.holder === null ? null : gil.holder + 1,
      waiters: gil.waiters.map((id) => id + 1),
      dropRequest: gil.dropRequest,
      switches: gil.switches,
      threads: threads.map((t) => ({ id: t.id + 1, name: t.name, ident: t.ident, state: t.state, ...(t.detail !== null ? { detail: t.detail } : {}) })),
      spans: spans.filter((s) => s.end === null || s.end >= from),
      handovers: gil.log.filter((h) => h.atSeconds >= from).map((h) => ({ time: h.atSeconds, from: h.from === null ? null : h.from + 1, to: h.to === null ? 0 : h.to + 1, reason: h.reason })),
    };
  }

  /** The GC scope: per generation count / threshold / objects, collections and results, gc.garbage. */
  gcVariables(log: readonly GcEvent[]): DebugProtocol.Variable[] {
    const gc = gcStateView();
    const hint: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const row = (name: string, value: string): DebugProtocol.Variable => ({ name, value, variablesReference: 0, presentationHint: hint });
    const last = log.length > 0 ? log[log.length - 1] : null;
    return [
      row('enabled', gc.enabled ? 'True' : 'False'),
      ...gc.generations.map((g) => {
        const st = gc.stats[g.index];
        return row(`generation ${g.index}`, `count ${g.count} / threshold ${g.threshold}, ${g.objects} objects; ${st.collections} collections, ${st.collected} collected, ${st.uncollectable} uncollectable`);
      }),
      row('collections', String(gc.collections)),
      row('last collection', last === null ? 'none yet' : `generation ${last.generation} (${last.reason}): ${last.collected} collected, ${last.uncollectable} uncollectable`),
      row('gc.garbage', `${gc.garbage} object${gc.garbage === 1 ? '' : 's'}`),
      row('permanent (gc.freeze)', String(gc.permanent)),
    ];
  }

  /** pyxray/gcLog: the collector's state and the collections since `since`. */
  gcLog(log: readonly GcEvent[], args: GcLogArguments): GcLogResponse {
    const gc = gcStateView();
    return {
      state: {
        enabled: gc.enabled,
        generations: gc.generations.map((g) => ({
          generation: g.index as 0 | 1 | 2,
          count: g.count,
          threshold: g.threshold,
          objects: g.objects,
          collections: gc.stats[g.index].collections,
          collected: gc.stats[g.index].collected,
          uncollectable: gc.stats[g.index].uncollectable,
        })),
        garbage: gcGarbage().map(objectSummary),
        permanent: gc.permanent,
      },
      events: log.filter((e) => e.index >= (args.since ?? 0)),
    };
  }

  /** Where the collector keeps an object: 'generation 0'..'2', 'permanent', or 'untracked'. */
  static gcGenerationText(o: PyObject): string {
    const g = gcGenerationOf(o);
    return typeof g === 'number' ? `generation ${g}` : g;
  }
}
