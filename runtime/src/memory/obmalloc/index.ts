// The pure memory model of CPython 3.11's allocators: pymalloc (obmalloc), the system
// allocator beneath it, the type free lists in front of it, and the sys._debugmallocstats report.
// Nothing here knows about Python objects: callers pass request sizes and get addresses back.

export * from './geometry';
export { SimulatedMmap, SystemMalloc, chunkSizeFor, type Mapping } from './system';
export {
  Obmalloc, Pool, ArenaObject, DEFAULT_MMAP_TOP, DEFAULT_HEAP_BASE,
  type ArenaView, type PoolView, type PoolState, type ObmallocOptions, type ObmallocCounters,
} from './obmalloc';
export { debugMallocStats, mallocStats, printone, allocatorStatsLine, withCommas, type MallocStats } from './stats';
export * from './freelists';
