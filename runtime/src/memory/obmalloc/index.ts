// The pure memory model of CPython 3.11's allocators: pymalloc (obmalloc), the system
// allocator beneath it, the type free lists in front of it, and the sys._debugmallocstats report.
// Nothing here knows about Python objects: callers pass request sizes and get addresses back.
//
// Wiring it to objects (facts measured with CPython 3.11, test/unit/memory/fixtures):
//  - the request of an object is its sys.getsizeof without separately allocated buffers (a
//    list's item array, a dict's keys are their own requests): the GC header (16 bytes) of
//    container types is included, and so is 3.11's managed-dict pre-header (16 more bytes) of
//    instances of classes with a __dict__;
//  - id() is the block address plus that pre-header: +0 for float/int/str/bytes/object(), +16 for
//    GC objects (list, tuple, dict, __slots__ instances), +32 for instances with a managed dict;
//  - floats, tuples of length 1..20, lists ([] / PyList_New), dicts ({} / PyDict_New) and
//    minimum-size str-keyed dict keys pass through FreeLists first: `take` before `allocate`,
//    `release` before `free`. list(x) and dict() go through tp_alloc and skip the free lists.

export * from './geometry';
export { SimulatedMmap, SystemMalloc, chunkSizeFor, type Mapping } from './system';
export {
  Obmalloc, Pool, ArenaObject, DEFAULT_MMAP_TOP, DEFAULT_HEAP_BASE,
  type ArenaView, type PoolView, type PoolState, type ObmallocOptions, type ObmallocCounters, type Location,
} from './obmalloc';
export { debugMallocStats, debugMallocStatsReport, mallocStats, printone, allocatorStatsLine, withCommas, type MallocStats } from './stats';
export * from './freelists';
