// PyXray's extensions to the Debug Adapter Protocol, declared once and imported by both sides:
// the adapter (debug-adapter/src/session.ts) answers these requests, the client (client/src)
// sends them from its memory-map, GC and GIL views with `session.customRequest(command, args)`.
//
// Invariants:
// - Plain JSON data only (no classes, no runtime imports), so the client bundle can import this
//   file without pulling in the runtime, and every value survives the DAP wire unchanged.
// - Object addresses are hex strings ('0x7f...'), the same text as a DAP variable's
//   memoryReference and as CPython's reprs print them; id() is the same number in decimal.
// - Times: `instruction` is the count of bytecode instructions executed since the start of the
//   run (the debugger's clock; stepBack moves it back); `virtualTime` is the threads' virtual
//   clock in seconds (time.monotonic() of the program).
// - A request the runtime cannot answer yet (the data is not there) fails with an error
//   response whose message says what is missing; it never answers with made-up data.
// - Evaluating any of these never changes a refcount the program can observe.

import type { DebugProtocol } from '@vscode/debugprotocol';

/** A typed custom request: its command string plus, at the type level, its arguments and body. */
export interface CustomRequest<Args, Body> {
  readonly command: string;
  /** Type carriers only (never set): `typeof heapMap.args`. */
  readonly args?: Args;
  readonly body?: Body;
}

function request<Args, Body>(command: string): CustomRequest<Args, Body> {
  return { command };
}

// ---------------------------------------------------------------------------- shared pieces

/** One object as the views show it, read without running any of its Python code. */
export interface ObjectSummary {
  /** '0x…' — also the memoryReference for readMemory. */
  address: string;
  /** The type's qualified name as CPython's repr spells it ('int', '__main__.Point'). */
  type: string;
  /** CPython's repr, truncated (builtins rebuilt from fields; user __repr__ is not run). */
  repr: string;
  /** ob_refcnt; null for objects the runtime never frees (None, small ints, types). */
  refcount: number | null;
  /** sys.getsizeof without the GC header: the bytes the allocator gave the object. */
  size: number;
  /** The pymalloc size class index (size rounded up to 16 bytes; 0..31), or null above 512 bytes (malloc). */
  sizeClass: number | null;
  /** The GC generation (0, 1, 2), 'untracked', or 'permanent' (gc.freeze()). Absent when unknown. */
  gcGeneration?: 0 | 1 | 2 | 'untracked' | 'permanent';
}

// ---------------------------------------------------------------------------- pyxray/heapMap

export interface HeapMapArguments {
  /** Only this arena (by index); all arenas when absent. */
  arena?: number;
  /** Include every block of every pool (large); otherwise pools carry counts only. Default true. */
  blocks?: boolean;
}

/** One block of a pool: a slot of `blockSize` bytes, holding an object or on the pool's free list. */
export interface HeapBlock {
  address: string;
  state: 'used' | 'free';
  /** The object in a used block (absent for free blocks and for non-object allocations). */
  object?: ObjectSummary;
  /** Allocated since the last stop (the view highlights it). */
  isNew?: boolean;
}

/** A 16 KiB pool (CPython 3.11 POOL_SIZE), serving one size class. */
export interface HeapPool {
  address: string;
  /** Size class index: blocks of (sizeClass + 1) * 16 bytes. */
  sizeClass: number;
  blockSize: number;
  blocksUsed: number;
  blocksFree: number;
  /** Present when the request asked for blocks. */
  blocks?: HeapBlock[];
}

/** A 1 MiB arena (CPython 3.11 ARENA_SIZE on 64-bit), carved into pools. */
export interface HeapArena {
  index: number;
  address: string;
  /** Pools carved so far (used or empty); the rest of the arena is untouched. */
  pools: HeapPool[];
  /** Pools not yet carved from the arena plus pools that are empty again. */
  freePools: number;
}

export interface HeapMapResponse {
  arenas: HeapArena[];
  /** Objects too large for pymalloc (> 512 bytes), allocated by the system malloc. */
  largeObjects: ObjectSummary[];
  totals: {
    arenas: number;
    pools: number;
    blocksUsed: number;
    blocksFree: number;
    /** Bytes in used blocks plus large objects. */
    bytesInUse: number;
  };
  /** What changed since the last stop (the previous `stopped` event). */
  sinceLastStop: {
    allocated: string[];
    freed: string[];
  };
  /** The debugger's clock at this snapshot. */
  instruction: number;
}

export const heapMap = request<HeapMapArguments, HeapMapResponse>('pyxray/heapMap');

// ---------------------------------------------------------------------------- pyxray/objectGraph

export interface ObjectGraphArguments {
  /** The object: its address ('0x…', a memoryReference), or a variablesReference from a variables response. */
  address?: string;
  variablesReference?: number;
  /** 'referents' (what it points to, tp_traverse), 'referrers' (what points to it), or both. Default 'both'. */
  direction?: 'referents' | 'referrers' | 'both';
  /** How many edges away from the root to follow. Default 1. */
  depth?: number;
  /** Stop adding nodes beyond this many (the response says `truncated`). Default 200. */
  maxNodes?: number;
}

export interface ObjectGraphEdge {
  /** The referring object's address. */
  from: string;
  /** The referred-to object's address. */
  to: string;
  /** How `from` holds `to`: '[0]', "['key']", '.attr', 'ob_type', 'cell_contents', 'f_locals x'… when known. */
  label?: string;
}

export interface ObjectGraphResponse {
  root: string;
  /** Every node once, the root first. */
  nodes: ObjectSummary[];
  edges: ObjectGraphEdge[];
  /** Referrers that are not objects: frames' local slots and value stacks ('frame f line 3: local x'). */
  roots?: { to: string; label: string }[];
  truncated: boolean;
}

export const objectGraph = request<ObjectGraphArguments, ObjectGraphResponse>('pyxray/objectGraph');

// ---------------------------------------------------------------------------- pyxray/gcLog

export interface GcGenerationState {
  generation: 0 | 1 | 2;
  /** gc.get_count()[generation]: allocations minus deallocations (gen 0) or collections of the younger generation. */
  count: number;
  /** gc.get_threshold()[generation]. */
  threshold: number;
  /** len(gc.get_objects(generation)). */
  objects: number;
  /** gc.get_stats()[generation]. */
  collections: number;
  collected: number;
  uncollectable: number;
}

export interface GcState {
  enabled: boolean;
  generations: GcGenerationState[];
  /** gc.garbage. */
  garbage: ObjectSummary[];
  /** len(gc.get_freeze_count()). */
  permanent?: number;
}

/** One collection, as gc.callbacks see it ('start' / 'stop' with the results). */
export interface GcEvent {
  /** Position in the run's log (0, 1, …); pass `since` to get only later events. */
  index: number;
  /** The debugger's clock when the collection started. */
  instruction: number;
  generation: 0 | 1 | 2;
  /** 'automatic' (a threshold was crossed), 'gc.collect' (the program asked), 'shutdown'. */
  reason: 'automatic' | 'gc.collect' | 'shutdown';
  /** Objects examined (the generation plus the younger ones merged into it). */
  examined?: number;
  collected: number;
  uncollectable: number;
  /** Addresses of the objects freed by this collection, when recorded. */
  freed?: string[];
}

export interface GcLogArguments {
  /** Only events with index >= since. */
  since?: number;
}

export interface GcLogResponse {
  state: GcState;
  events: GcEvent[];
}

export const gcLog = request<GcLogArguments, GcLogResponse>('pyxray/gcLog');

// ---------------------------------------------------------------------------- pyxray/gilTimeline

export type ThreadState =
  | 'running'
  | 'waiting for GIL'
  | 'blocked'
  | 'sleeping'
  | 'not started'
  | 'finished';

export interface GilThread {
  /** The DAP thread id (threads request), also the key of spans and hand-overs. */
  id: number;
  /** threading.Thread.name ('MainThread', 'Thread-1 (worker)'). */
  name: string;
  /** threading.get_ident(). */
  ident: number;
  state: ThreadState;
  /** For 'blocked': on what ('Lock 0x…', 'Queue.get', 'Event.wait'); for 'sleeping': until when. */
  detail?: string;
}

/** A stretch of virtual time during which one thread held the GIL. */
export interface GilSpan {
  threadId: number;
  start: number;
  /** null: still holding it now. */
  end: number | null;
}

export interface GilHandover {
  time: number;
  /** null: nobody held it (e.g. the first acquisition). */
  from: number | null;
  to: number;
  /** 'interval' (switch interval expired, drop request), 'blocking' (a blocking call released it), 'finished' (thread ended), 'start'. */
  reason: 'interval' | 'blocking' | 'finished' | 'start' | string;
}

export interface GilTimelineArguments {
  /** Only hand-overs with time >= since (virtual seconds). */
  since?: number;
}

export interface GilTimelineResponse {
  /** Virtual time now, seconds. */
  now: number;
  /** sys.getswitchinterval(), seconds. */
  switchInterval: number;
  holder: number | null;
  waiters: number[];
  /** The eval-breaker drop request is set (a waiter timed out). */
  dropRequest: boolean;
  switches: number;
  threads: GilThread[];
  spans: GilSpan[];
  handovers: GilHandover[];
}

export const gilTimeline = request<GilTimelineArguments, GilTimelineResponse>('pyxray/gilTimeline');

// ---------------------------------------------------------------------------- pyxray/processMemory

/** The adapter process's own memory (Node's process.memoryUsage()), for the benchmark. */
export interface ProcessMemoryResponse {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export const processMemory = request<Record<string, never>, ProcessMemoryResponse>('pyxray/processMemory');

/** All of PyXray's custom requests (the adapter dispatches on these commands). */
export const customRequests = [heapMap, objectGraph, gcLog, gilTimeline, processMemory] as const;

// ---------------------------------------------------------------------------- stopped reasons, launch

/** `stopped` event reasons beyond DAP's own: the client may show them differently. */
export const StopReason = {
  gilSwitch: 'gil switch',
  gc: 'gc',
  dataBreakpoint: 'data breakpoint',
  exception: 'exception',
  /** The simulated heap would have grown beyond the launch's maxHeapBytes (the run ends on continue). */
  heapLimit: 'heap limit',
} as const;

/** Exception breakpoint filters offered in `initialize` (exceptionBreakpointFilters). */
export const ExceptionFilter = {
  raised: 'raised',
  uncaught: 'uncaught',
  userUncaught: 'userUnhandled',
} as const;

/** Every launch attribute the adapter reads; package.json's schema lists exactly these (a test checks). */
export const launchAttributeNames = [
  'program', 'args', 'cwd', 'stopOnEntry', 'stdin', 'stepGranularity', 'maxInstructions', 'historySize',
  'switchInterval', 'scheduleSeed', 'gcThresholds', 'maxHeapBytes', 'stopOnGilSwitch', 'stopOnGc',
] as const;

/** The attributes of a `pyxray` launch configuration (package.json contributes.debuggers holds the same schema). */
export interface PyxrayLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program: string;
  args?: string[];
  cwd?: string;
  stopOnEntry?: boolean;
  /** Text served to the program's standard input (input(), sys.stdin). */
  stdin?: string;
  /** What next/stepIn/stepOut step by when the client does not say: a source line or one bytecode instruction. */
  stepGranularity?: 'line' | 'instruction';
  /** End the run after this many bytecode instructions (a runaway snippet stays bounded). */
  maxInstructions?: number;
  /** Instructions of history kept for stepBack / reverseContinue (0 turns recording off). */
  historySize?: number;
  /** sys.setswitchinterval's initial value, seconds (CPython: 0.005). */
  switchInterval?: number;
  /** Seed of the thread scheduler's choices (same seed, same interleaving). */
  scheduleSeed?: number;
  /** gc.set_threshold's initial values (CPython: 700, 10, 10). */
  gcThresholds?: [number, number?, number?];
  /**
   * Stop (reason 'heap limit', frames intact) when the simulated heap — arenas, large blocks and
   * the brk heap, start-up objects included — would grow beyond this many bytes; continuing ends
   * the run with exit code 1 and a message on stderr.
   */
  maxHeapBytes?: number;
  /** Stop with reason 'gil switch' whenever another thread takes the GIL. */
  stopOnGilSwitch?: boolean;
  /** Stop with reason 'gc' right after each cyclic garbage collection (at the next instruction), with its results. */
  stopOnGc?: boolean;
}
