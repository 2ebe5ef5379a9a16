// The one API tools use to watch a program: a debuggable run (stops between any two
// instructions) and read-only views of frames and objects. Nothing here changes what the
// program can observe (refcounts, addresses, output).

export { DebugProgram, AbandonRun, allCodeObjects, linesWithCode, linesOnlyInClassBodies, lineOfUnit, tracebackFrames } from './debugProgram';
export type { DebugStop, DebugProgramOptions, LineBreakpoint, StepGranularity, StepKind, ExceptionStops, ReplayRecord, PostMortemFrame } from './debugProgram';
export { refcountWatch, addressWatch, localBindingWatch, slotAtDepthWatch, dictBindingWatch, changedWatches, resetWatches } from './dataWatch';
export type { DataWatch, RefcountWatch, BindingWatch, AddressWatch } from './dataWatch';
export { objectBytes } from './objectLayout';
export { captureProcessState } from './replayState';
export type { ProcessState } from './replayState';
export { objectForValue, assignInDict, dropValue, assignName, assignListItem, assignAttribute, namesInScope, attributeNames, lookupName } from './frameEdit';
export { PyList } from '../objects/list';
export { PyDict } from '../objects/dict';
export { PyBaseException } from '../objects/exceptions';
export { frameLocation, frameLocals, frameCells, frameGlobals, frameStack, instructionAt, exceptionTableEntryAt } from './frameView';
export type { FrameLocation, NamedSlot, CellSlot } from './frameView';
export { safeRepr, objectChildren, objectInternals, hasUserRepr, hexAddress, typeName, qualifiedTypeName, isStatic, generatorInfo, mroText } from './objectView';
export type { ObjectChild, ObjectInternals } from './objectView';
export { MemoryHost } from '../vm/host';
export type { Host } from '../vm/host';
export type { Frame } from '../vm/frame';
export type { PyObject } from '../objects/pyobject';
export { PyCell } from '../objects/cell';
export { parseCondition, parseHitCondition, parseLogMessage, ConditionError, reprConditionValue } from './conditions';
export type { Condition, ConditionValue } from './conditions';
export { HeapWalk, heapMap, referents, objectSummary, memoryStats, usedBlocks, blockAddressOf, functionsSharingCell } from './heapWalk';
export type { HeapMapData, ObjectSummaryData, MemoryStats } from './heapWalk';
export { debugThreads, debugGil, currentThreadId, freezeOtherThreads } from './schedulerView';
export { childProcessThreads } from './processView';
export type { DebugThread, DebugGil, DebugGilHandover, DebugThreadState } from './schedulerView';
export { threadView } from './threadView';
export type { ThreadView, ThreadInfo, ThreadRunState, GilInfo, GilHandover } from './threadView';
export { gcStateView, gcGenerationOf, gcObjects, gcReferents, gcReferrers, gcGarbage, onGcEvent } from './gcView';
export type { GcStateView, GcGenerationView, GcGenerationOf, GcCollectionRecord, GcEvent } from './gcView';
export { objectMemory, heapMap as heapArenaMap, heapMark, heapDiff, onHeapEvent, recordHeap, sizeofWithoutPython } from './heapView';
export type { ObjectMemory, HeapBlock, PoolMap, ArenaMap, FreeListMap, HeapMap, HeapMapOptions, HeapMark, HeapDiff, HeapEvent } from './heapView';
export { asyncioView } from './asyncioView';
export type { AsyncioView, AsyncioTaskView, AsyncioLoopView, AsyncioAwaitStep, AsyncioTaskState } from './asyncioView';
