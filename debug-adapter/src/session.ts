// The PyXray debug session: translates the Debug Adapter Protocol to the runtime's inspect API
// and back. It owns the DAP side only — launch arguments, breakpoint verification against the
// line table, variable handles, events — while the runtime (runtime/src/inspect) owns running,
// stopping and reading frames and objects. The program runs in budgeted slices with a turn of the
// event loop between them, so pause, disconnect and every other request are answered even while
// the snippet spins in `while True: pass`.
//
// Going back (stepBack, reverseContinue) re-runs the program from the start in a fresh
// DebugProgram up to an earlier instruction (the VM is deterministic: same program, same stdin,
// same run); output already shown is not shown again. Data breakpoints are kept as specs (an
// address, a global name, a frame slot) and resolved again on each program the session runs.
//
// Stops inside native callbacks (a class body, a __repr__ run by print, a sort key) cannot
// return to the event loop: the VM's JS stack is in the middle of a native call. There the
// session answers synchronously — it reads its requests from stdin with blocking reads and
// dispatches them right inside the stop (stopSynchronously, consoleIo.ts) until a continue/step
// arrives; input() without launch stdin waits for a line typed in the Debug Console the same way.
// This needs the adapter to run as its own process over stdio (main.ts says so); run inline, such
// code is watched but never stopped in. Process-wide views (Memory, GC, GIL, the custom requests)
// live in processViews.ts, data breakpoints in dataBreakpoints.ts, going back in history.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DebugSession, ErrorDestination, ExitedEvent, Handles, InitializedEvent, OutputEvent, Scope, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileSource, normalizeNewlines, type CodeObject } from '../../runtime/src/index';
import {
  DebugProgram, childProcessThreads, frameCells, frameGlobals, frameLocals, frameLocation, frameStack, hasUserRepr,
  linesWithCode, linesOnlyInClassBodies, objectChildren, objectInternals, qualifiedTypeName, safeRepr, hexAddress,
  parseCondition, parseHitCondition, parseLogMessage, ConditionError, reprConditionValue,
  objectBytes, objectForValue, assignInDict, dropValue, assignName, assignListItem, assignAttribute, namesInScope, attributeNames, lookupName,
  generatorInfo, mroText, exceptionTableEntryAt, asyncioView, HeapWalk, functionsSharingCell, tracebackFrames, captureProcessState, allCodeObjects, AbandonRun, PyList, PyDict, debugThreads, currentThreadId, onGcEvent, objectSummary, sizeofWithoutPython,
  type DebugStop, type LineBreakpoint, type Frame, type PyObject, type StepGranularity, type StepKind,
  type PostMortemFrame, type ProcessState, type ConditionValue,
} from '../../runtime/src/inspect/index';
import { compileErrorText } from './compileErrors';
import {
  ExceptionFilter, StopReason, heapMap as heapMapRequest, objectGraph as objectGraphRequest, gcLog as gcLogRequest,
  gilTimeline as gilTimelineRequest, processMemory as processMemoryRequest, customRequests, type HeapMapArguments, type ObjectGraphArguments, type GilTimelineArguments, type GcLogArguments, type GcEvent, type PyxrayLaunchArguments,
} from './protocol';
import { CodeAddresses, instructionText, parseAddress } from './disassembly';
import { ConsoleHost, readRequestsSynchronously, synchronousStopsEnabled, type Emitted } from './consoleIo';
export { enableSynchronousStops } from './consoleIo';
import { WatchSpecs, parseDataId, depthFromBottom, findObject, type WatchSpec } from './dataBreakpoints';
import { ProcessViews } from './processViews';
import { History, DEFAULT_HISTORY_SIZE, type ReplayState, type GoBackKind } from './history';

/** DAP thread ids are the scheduler's thread ids plus one (0 is not a valid DAP id). */
const MAIN_THREAD_ID = 1;
/** Instructions per slice between two turns of the event loop (a few milliseconds of work). */
const SLICE_INSTRUCTIONS = 20_000;

type VariableContainer =
  | { kind: 'locals'; frame: Frame }
  | { kind: 'cells'; frame: Frame }
  | { kind: 'globals'; frame: Frame }
  | { kind: 'namespace'; dict: PyDict }
  | { kind: 'internals'; frame: Frame; innermost: boolean }
  | { kind: 'stack'; frame: Frame }
  | { kind: 'memory' }
  | { kind: 'gil' }
  | { kind: 'gc' }
  | { kind: 'asyncio' }
  | { kind: 'object'; object: PyObject };

/** A stack frame handle: a live frame, or a frame an uncaught exception's traceback still names. */
type FrameEntry = { frame: Frame; innermost: boolean } | { postMortem: PostMortemFrame; exception: PyObject };

export class PyxraySession extends DebugSession {
  private program: DebugProgram | null = null;
  private code: CodeObject | null = null;
  private addresses: CodeAddresses | null = null;
  private programPath = '';
  private programSource = '';
  private launchArgs: PyxrayLaunchArguments | null = null;
  private sourceLines: string[] = [];
  private codeLines: number[] = [];
  private classBodyLines = new Set<number>();
  private stepGranularity: StepGranularity = 'line';
  private configurationDone = false;
  private launched = false;
  private running = false;
  private ended = false;
  private variableHandles = new Handles<VariableContainer>();
  private frameHandles = new Handles<FrameEntry>();
  private nextBreakpointId = 1;
  /** Why the program is stopped now (exceptionInfo, post-mortem frames). */
  private lastStop: DebugStop | null = null;
  private readonly emitted: Emitted = { stdout: 0, stderr: 0 };
  /** The allocator as it was before the first run started (replays start from it). */
  private initialState: ProcessState | null = null;
  private history = new History(DEFAULT_HISTORY_SIZE);
  private replay: ReplayState | null = null;
  private readonly watchSpecs = new WatchSpecs();
  /** Objects shown in this stop, by address: readMemory and refcount data breakpoints find them here. */
  private shownObjects = new Map<string, PyObject>();
  private exceptionFilters = { raised: false, uncaught: false, userUncaught: false };
  private readonly views = new ProcessViews();
  /** Inside a synchronous stop (a nested activation): resume ends its request loop instead of scheduling a slice. */
  private synchronousStop: { resumed: boolean; abandon: boolean } | null = null;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse, _args: DebugProtocol.InitializeRequestArguments): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsInstructionBreakpoints: true,
      supportsDisassembleRequest: true,
      supportsSteppingGranularity: true,
      supportsEvaluateForHovers: true,
      supportsTerminateRequest: true,
      supportsExceptionInfoRequest: true,
      exceptionBreakpointFilters: [
        { filter: ExceptionFilter.raised, label: 'Raised Exceptions', description: 'Stop where an exception is raised in your file (the frame that raised it, with its locals), before any handler runs', default: false },
        { filter: ExceptionFilter.uncaught, label: 'Uncaught Exceptions', description: 'Stop as soon as nothing can catch an exception any more, with the frames it is leaving still alive; continuing ends the program with its traceback', default: true },
        { filter: ExceptionFilter.userUncaught, label: 'User Uncaught Exceptions', description: "Stop when an exception raised in your file is caught by library code (PyXray's stdlib), or ends the program", default: false },
      ],
      supportsDataBreakpoints: true,
      supportsStepBack: true,
      supportsSetVariable: true,
      supportsSetExpression: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.'],
      supportsReadMemoryRequest: true,
      supportsStepInTargetsRequest: true,
      supportsRestartRequest: true,
    };
    this.sendResponse(response);
  }

  // ------------------------------------------------------------------ launch

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): void {
    const launch = args as PyxrayLaunchArguments;
    if (typeof launch.program !== 'string' || launch.program === '') {
      this.sendErrorResponse(response, 1001, "launch: 'program' (the Python file to run) is required");
      return;
    }
    const programPath = path.resolve(launch.cwd ?? process.cwd(), launch.program);
    let source: string;
    try {
      source = normalizeNewlines(fs.readFileSync(programPath, 'utf8'));
    } catch (error) {
      this.sendErrorResponse(response, 1002, `can't open file '${programPath}': ${(error as Error).message}`);
      return;
    }
    this.programPath = programPath;
    this.programSource = source;
    this.launchArgs = launch;
    this.sourceLines = source.split('\n');
    this.stepGranularity = launch.stepGranularity === 'instruction' ? 'instruction' : 'line';
    this.history = new History(typeof launch.historySize === 'number' ? launch.historySize : DEFAULT_HISTORY_SIZE);
    let code: CodeObject;
    try {
      code = compileSource(source, programPath);
    } catch (error) {
      // Anything else is a bug in our compiler: say so, and end the session like a failed run.
      const text = compileErrorText(error, programPath) ?? `pyxray: internal compiler error: ${(error as Error)?.stack ?? String(error)}\n`;
      // As `python3 FILE` does: the error on stderr, exit status 1; the session then ends.
      this.sendResponse(response);
      this.sendEvent(new OutputEvent(text, 'stderr'));
      this.endSession(1);
      return;
    }
    this.code = code;
    this.codeLines = linesWithCode(code);
    this.classBodyLines = linesOnlyInClassBodies(code);
    this.addresses = new CodeAddresses(code, this.sourceLines);
    this.initialState = captureProcessState();
    this.program = this.newProgram();
    this.launched = true;
    this.sendResponse(response);
    // Breakpoints are verified against the compiled line table, so they are asked for now.
    this.sendEvent(new InitializedEvent());
    this.startIfReady();
  }

  /** A DebugProgram for the launched file (the first run, or a replay that starts over). */
  private newProgram(): DebugProgram {
    const launch = this.launchArgs!;
    // A replay compiles the file again: the first run allocated the code objects' constants, and
    // the replay must allocate them too to hand out the same addresses afterwards.
    const code = this.program === null ? this.code! : compileSource(this.programSource, this.programPath);
    const copies = code === this.code ? null : this.addresses!.alias(code);
    // No `stdin` in the launch configuration: input() asks in the Debug Console (over stdio).
    const console = launch.stdin === undefined && synchronousStopsEnabled() ? { typed: this.typedInput, ask: () => this.askForInputLine() } : null;
    const host = new ConsoleHost(this.programPath, { [this.programPath]: this.programSource }, launch.stdin ?? '', launch.args ?? [], this.emitted, (text, category) => {
      this.sendEvent(new OutputEvent(text, category));
    }, console);
    const program = new DebugProgram(code, host, {
      stopOnEntry: launch.stopOnEntry === true,
      maxInstructions: launch.maxInstructions,
      maxHeapBytes: typeof launch.maxHeapBytes === 'number' ? launch.maxHeapBytes : undefined,
      onLog: (text) => this.sendEvent(new OutputEvent(text, 'console')),
      onNestedStop: !synchronousStopsEnabled() ? undefined : (stop) => this.stopSynchronously(program, stop),
      onNestedPoll: !synchronousStopsEnabled() ? undefined : () => this.pollSynchronously(),
      run: { seed: launch.scheduleSeed, switchInterval: launch.switchInterval },
      stopOnGilSwitch: launch.stopOnGilSwitch === true,
      gcThresholds: Array.isArray(launch.gcThresholds) ? launch.gcThresholds.filter((t): t is number => typeof t === 'number') : undefined,
    });
    this.listenToCollections();
    program.exceptionStops = this.exceptionFilters;
    const old = this.program;
    if (old !== null) {
      program.lineBreakpoints = old.lineBreakpoints;
      program.functionBreakpoints = old.functionBreakpoints;
      program.instructionBreakpoints = this.translateInstructionBreakpoints(old.instructionBreakpoints, copies);
    }
    return program;
  }

  /** Instruction breakpoints keyed by the code objects `program` runs. */
  private translateInstructionBreakpoints(byCode: Map<CodeObject, Set<number>>, copies: CodeObject[] | null): Map<CodeObject, Set<number>> {
    if (copies === null) return byCode;
    const out = new Map<CodeObject, Set<number>>();
    for (const [code, offsets] of byCode) out.set(copies[this.addresses!.codes.indexOf(this.addresses!.original(code))], offsets);
    return out;
  }

  /** The collections of the session's program (pyxray/gcLog, the GC scope), with the instruction count at each. */
  private gcLog: GcEvent[] = [];
  private stopListeningToGc: (() => void) | null = null;
  private gcStart = 0;

  /**
   * One listener for the whole session (the runtime keeps one list of listeners): collections of
   * a replay are not logged — going back cuts the log at the instruction the replay reaches.
   */
  private listenToCollections(): void {
    if (this.stopListeningToGc !== null) return;
    this.stopListeningToGc = onGcEvent((e) => {
      const program = this.program;
      if (program === null || this.replay !== null) return;
      if (e.phase === 'start') {
        this.gcStart = program.instructionCount;
        return;
      }
      const event: GcEvent = {
        index: this.gcLog.length,
        instruction: this.gcStart,
        generation: e.generation as 0 | 1 | 2,
        reason: e.automatic ? 'automatic' : 'gc.collect',
        collected: e.collected,
        uncollectable: e.uncollectable,
      };
      this.gcLog.push(event);
      if (this.launchArgs?.stopOnGc === true) program.stopAtNextInstruction({ kind: 'gc', generation: e.generation, collected: e.collected, uncollectable: e.uncollectable, automatic: e.automatic });
    });
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse, _args: DebugProtocol.ConfigurationDoneArguments): void {
    this.configurationDone = true;
    this.sendResponse(response);
    this.startIfReady();
  }

  private startIfReady(): void {
    if (this.launched && this.configurationDone && !this.running && this.program !== null && !this.ended) this.resume();
  }

  private endSession(exitCode: number): void {
    if (this.ended) return;
    this.ended = true;
    this.running = false;
    this.sendEvent(new ExitedEvent(exitCode));
    this.sendEvent(new TerminatedEvent());
  }

  // ------------------------------------------------------------------ running

  private resume(): void {
    this.variableHandles.reset();
    this.frameHandles.reset();
    this.shownObjects.clear();
    this.lastStop = null;
    this.running = true;
    if (this.synchronousStop !== null) {
      // The run goes on from inside the observer; the slice loop that called it continues.
      this.synchronousStop.resumed = true;
      return;
    }
    setImmediate(this.runSlice);
  }

  /**
   * A stop inside a nested activation: tell the client, then read and answer requests right
   * here (blocking reads of stdin) until one resumes the program. Going back in time or ending
   * the session leaves the run for good (AbandonRun).
   */
  private stopSynchronously(program: DebugProgram, stop: DebugStop): void {
    if (this.replay !== null && this.replay.program === program) {
      // A final replay reached its target inside a nested activation.
      if (stop.kind !== 'seek done') return;
      const reason = this.replay.reason;
      this.replay = null;
      this.program = program;
      program.watches = this.watchSpecs.resolve(program, this.shownObjects);
      stop = { kind: reason === 'step' ? 'step' : reason, ...(reason === 'breakpoint' ? { lines: [] } : {}) } as DebugStop;
    } else if (program !== this.program) return;
    const state = { resumed: false, abandon: false };
    const outer = this.synchronousStop;
    this.synchronousStop = state;
    try {
      this.stopped(stop);
      this.serveSynchronously(() => state.resumed);
    } finally {
      this.synchronousStop = outer;
    }
    if (state.abandon || this.ended) throw new AbandonRun('abandoned');
  }

  /** Dispatch the requests already waiting on stdin, without blocking (during a long nested run). */
  private pollSynchronously(): void {
    if (!readRequestsSynchronously(this.dispatchData, false, () => true)) this.ended = true;
    if (this.ended) throw new AbandonRun('abandoned');
  }

  /** Read and dispatch requests from stdin, blocking, until `done()` (or the client goes away). */
  private serveSynchronously(done: () => boolean): void {
    if (!readRequestsSynchronously(this.dispatchData, true, () => done() || this.ended)) this.ended = true;
  }

  /** Hand bytes read from stdin to the protocol parser, which dispatches the requests in them. */
  private readonly dispatchData = (data: Buffer): void => {
    (this as unknown as { _handleData(data: Buffer): void })._handleData(data);
  };

  /** Lines typed in the Debug Console for input(), in order (replays read them again). */
  private typedInput: string[] = [];
  /** Set while input() waits: the next Debug Console evaluation is the line. */
  private pendingInput: { line: string | null } | null = null;

  /** input() without launch stdin: ask in the Debug Console and wait (synchronously) for a line. */
  private askForInputLine(): string | null {
    if (this.replay !== null) return null;
    const waiting = { line: null as string | null };
    this.pendingInput = waiting;
    this.sendEvent(new OutputEvent('[input] the program reads a line: type it in the Debug Console\n', 'console'));
    try {
      this.serveSynchronously(() => waiting.line !== null);
    } finally {
      this.pendingInput = null;
    }
    return waiting.line === null ? null : waiting.line + '\n';
  }

  private readonly runSlice = (): void => {
    const replay = this.replay;
    const program = replay?.program ?? this.program;
    if (program === null || this.ended || !this.running) return;
    let stop: DebugStop;
    try {
      stop = program.run(SLICE_INSTRUCTIONS);
    } catch (error) {
      this.sendEvent(new OutputEvent(`pyxray: internal error: ${(error as Error).stack ?? error}\n`, 'stderr'));
      this.endSession(1);
      return;
    }
    if (stop.kind === 'abandoned' && this.pendingRestart) {
      this.pendingRestart = false;
      this.startOver();
    }
    if (stop.kind === 'abandoned' && this.pendingGoBack !== null) {
      // Left a synchronous stop to go back in time: now the replay can start.
      this.startReplay(this.pendingGoBack);
      this.pendingGoBack = null;
    }
    if (stop.kind === 'slice' || stop.kind === 'abandoned') {
      // 'abandoned': the run was left from a synchronous stop (a replay now runs, or the session ended).
      setImmediate(this.runSlice);
      return;
    }
    // A replay that reached its target inside a nested activation was adopted there already.
    if (replay !== null && this.replay === replay) {
      this.replayStopped(replay, stop);
      return;
    }
    if (stop.kind === 'exited') {
      this.endSession(stop.exitCode);
      return;
    }
    if (stop.kind === 'breakpoint' && stop.conditionError !== undefined) {
      // Like a failing condition in pdb: stop, and say why.
      this.sendEvent(new OutputEvent(`breakpoint condition on line ${stop.lines[0]}: ${stop.conditionError}\n`, 'console'));
    }
    this.stopped(stop);
  };

  private stopped(stop: DebugStop): void {
    this.running = false;
    this.lastStop = stop;
    this.views.stopped();
    this.sendEvent(this.stoppedEvent(stop));
  }

  /** The DAP id of the thread the program stopped in. */
  private get stoppedThreadId(): number {
    return this.program !== null ? currentThreadId(this.program.interp) + 1 : MAIN_THREAD_ID;
  }

  private stoppedEvent(stop: DebugStop): DebugProtocol.StoppedEvent {
    const threadId = this.stoppedThreadId;
    switch (stop.kind) {
      case 'entry': return new StoppedEvent('entry', threadId);
      case 'pause': return new StoppedEvent('pause', threadId);
      case 'step': return new StoppedEvent('step', threadId);
      case 'breakpoint': return new StoppedEvent('breakpoint', threadId);
      case 'function breakpoint': return new StoppedEvent('function breakpoint', threadId);
      case 'instruction breakpoint': return new StoppedEvent('instruction breakpoint', threadId);
      case 'data breakpoint': {
        const event: DebugProtocol.StoppedEvent = new StoppedEvent(StopReason.dataBreakpoint, threadId, stop.description);
        event.body.description = stop.description;
        event.body.hitBreakpointIds = this.watchSpecs.idsOf(stop.ids);
        return event;
      }
      case 'gc': {
        const event: DebugProtocol.StoppedEvent = new StoppedEvent(StopReason.gc, threadId, `gen ${stop.generation}`);
        event.body.description = `A ${stop.automatic ? 'automatic' : 'gc.collect()'} collection of generation ${stop.generation} just ran: ${stop.collected} collected, ${stop.uncollectable} uncollectable`;
        return event;
      }
      case 'gil switch': {
        const event: DebugProtocol.StoppedEvent = new StoppedEvent(StopReason.gilSwitch, threadId, `thread ${stop.from} → ${stop.to}`);
        event.body.description = `Thread ${stop.to} took the GIL from thread ${stop.from}`;
        return event;
      }
      case 'heap limit': {
        const event: DebugProtocol.StoppedEvent = new StoppedEvent(StopReason.heapLimit, threadId, 'maxHeapBytes');
        event.body.description = `The simulated heap would grow to ${stop.bytes} bytes, beyond maxHeapBytes (${stop.limit}): stopped at the allocation; the program ends when you continue`;
        return event;
      }
      case 'exception': {
        const event: DebugProtocol.StoppedEvent = new StoppedEvent(StopReason.exception, threadId, qualifiedTypeName(stop.exception.ob_type));
        event.body.description = stop.uncaught
          ? 'Uncaught exception (the program ends when you continue)'
          : stop.unwinding ? 'Exception raised (no handler has run yet)' : 'Exception raised (stopped at its handler)';
        return event;
      }
      default: return new StoppedEvent('pause', threadId);
    }
  }

  private step(response: DebugProtocol.Response, kind: StepKind, granularity: DebugProtocol.SteppingGranularity | undefined, targetOffset?: number): void {
    const program = this.program;
    if (program === null || this.running || this.ended) {
      this.sendResponse(response);
      return;
    }
    const by: StepGranularity = granularity === 'instruction' ? 'instruction' : granularity === undefined ? this.stepGranularity : 'line';
    program.setStep(kind, by, targetOffset);
    this.sendResponse(response);
    this.resume();
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse, _args: DebugProtocol.ContinueArguments): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    if (this.program !== null && !this.running && !this.ended) {
      this.program.clearStep();
      this.resume();
    }
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.step(response, 'over', args.granularity);
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.step(response, 'in', args.granularity, args.targetId);
  }

  /**
   * The calls of the current line not made yet, each named by its source text (co_positions of
   * the CALL instruction); stepping into one stops in the Python code it runs.
   */
  protected override stepInTargetsRequest(response: DebugProtocol.StepInTargetsResponse, args: DebugProtocol.StepInTargetsArguments): void {
    const entry = this.frameHandles.get(args.frameId);
    const targets: DebugProtocol.StepInTarget[] = [];
    if (entry !== undefined && 'frame' in entry && entry.innermost && !this.running) {
      const loc = frameLocation(entry.frame, true);
      const line = loc.line ?? this.addresses!.instructions(loc.code).find((i) => i.offset > loc.offset && i.positions.lineno != null)?.positions.lineno;
      for (const ins of this.addresses!.instructions(loc.code)) {
        const p = ins.positions;
        const lineno = p.lineno;
        if (ins.opname !== 'CALL' || ins.offset < loc.offset || lineno == null || lineno !== line || p.col_offset == null || p.end_col_offset == null) continue;
        const start = this.addresses!.column(lineno, p.col_offset);
        const text = p.end_lineno === lineno
          ? this.sourceLines[lineno - 1].slice(start, this.addresses!.column(lineno, p.end_col_offset))
          : this.sourceLines[lineno - 1].slice(start) + ' …';
        targets.push({
          id: ins.offset,
          label: text.length > 60 ? text.slice(0, 59) + '…' : text,
          line: this.convertDebuggerLineToClient(lineno),
          column: this.convertDebuggerColumnToClient(start + 1),
        });
      }
    }
    response.body = { targets };
    this.sendResponse(response);
  }

  /** Run the program again from the start (same launch configuration), output and all. */
  protected override restartRequest(response: DebugProtocol.RestartResponse, _args: DebugProtocol.RestartArguments): void {
    if (this.program === null || this.ended || this.initialState === null) {
      this.sendErrorResponse(response, 4003, 'nothing to restart');
      return;
    }
    this.sendResponse(response);
    if (this.synchronousStop !== null) {
      // Leave the nested activation first (as going back does); the new run starts after that.
      this.pendingRestart = true;
      this.synchronousStop.abandon = true;
      this.resume();
      return;
    }
    // Running: the slice loop already scheduled picks up the new program.
    const wasRunning = this.running;
    this.startOver();
    if (!wasRunning) this.resume();
  }

  private pendingRestart = false;

  private startOver(): void {
    this.initialState!.restore();
    this.emitted.stdout = this.emitted.stderr = 0;
    this.typedInput = [];
    this.gcLog = [];
    this.replay = null;
    this.history.editedAt = null;
    for (const bp of this.program!.lineBreakpoints.values()) bp.hits = 0;
    this.program = this.newProgram();
    this.program.watches = this.watchSpecs.resolveFromStart(this.program);
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.step(response, 'out', args.granularity);
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse, _args: DebugProtocol.PauseArguments): void {
    if (this.running && this.replay === null) this.program?.requestPause();
    this.sendResponse(response);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse, _args: DebugProtocol.TerminateArguments): void {
    this.running = false;
    this.sendResponse(response);
    if (!this.ended) {
      this.ended = true;
      this.sendEvent(new TerminatedEvent());
    }
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    this.running = false;
    this.ended = true;
    super.disconnectRequest(response, args);
  }

  // ------------------------------------------------------------------ going back

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: DebugProtocol.StepBackArguments): void {
    const by: StepGranularity = args.granularity === 'instruction' ? 'instruction' : args.granularity === undefined ? this.stepGranularity : 'line';
    this.goBack(response, 'stepBack', by);
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse, _args: DebugProtocol.ReverseContinueArguments): void {
    this.goBack(response, 'reverseContinue', 'line');
  }

  private goBack(response: DebugProtocol.Response, purpose: GoBackKind, granularity: StepGranularity): void {
    const program = this.program;
    if (program === null || this.running || this.ended || program.isFinished || this.initialState === null) {
      this.sendErrorResponse(response, 4001, 'the program is not stopped');
      return;
    }
    const origin = program.instructionCount;
    const refusal = this.history.refusal(origin);
    if (refusal !== null) {
      this.sendErrorResponse(response, 4002, refusal);
      return;
    }
    const depth = program.frames().length;
    this.sendResponse(response);
    if (this.synchronousStop !== null) {
      // Leave the nested activation first (AbandonRun unwinds it); the replay starts after that,
      // so nothing of the abandoned run touches the restored allocator.
      this.pendingGoBack = { purpose, granularity, origin, depth };
      this.synchronousStop.abandon = true;
      this.resume();
      return;
    }
    this.startReplay({ purpose, granularity, origin, depth });
    this.resume();
  }

  private pendingGoBack: { purpose: GoBackKind; granularity: StepGranularity; origin: number; depth: number } | null = null;

  private startReplay(request: { purpose: GoBackKind; granularity: StepGranularity; origin: number; depth: number }): void {
    this.initialState!.restore();
    const scan = this.newProgram();
    scan.watches = request.purpose === 'reverseContinue' ? this.watchSpecs.resolveFromStart(scan) : [];
    const record = History.emptyRecord(request.depth);
    scan.seek(request.origin, record);
    this.replay = { phase: 'scan', purpose: request.purpose, granularity: request.granularity, program: scan, record, origin: request.origin, reason: 'step' };
  }

  private replayStopped(replay: ReplayState, stop: DebugStop): void {
    if (stop.kind !== 'seek done') {
      // The replay did not reach the instruction the first run was at: the run was not deterministic.
      this.replay = null;
      this.running = false;
      this.sendEvent(new OutputEvent(`pyxray: going back failed: the replay ended differently (${stop.kind}); staying where the program was\n`, 'console'));
      this.sendEvent(new StoppedEvent('step', this.stoppedThreadId));
      return;
    }
    if (replay.phase === 'scan') {
      const { target, reason } = History.target(replay);
      if (target >= replay.origin) {
        this.adopt(replay.program, reason);
        return;
      }
      this.initialState!.restore();
      const final = this.newProgram();
      final.seek(target);
      this.replay = { ...replay, phase: 'final', program: final, record: null, reason };
      setImmediate(this.runSlice);
      return;
    }
    this.adopt(replay.program, replay.reason);
  }

  /** Make a replayed program the session's program, at the stop it reached. */
  private adopt(program: DebugProgram, reason: 'step' | 'breakpoint' | 'entry'): void {
    this.replay = null;
    this.program = program;
    this.gcLog = this.gcLog.filter((e) => e.instruction < program.instructionCount);
    program.watches = this.watchSpecs.resolve(program, this.shownObjects);
    this.stopped({ kind: reason === 'step' ? 'step' : reason, ...(reason === 'breakpoint' ? { lines: [] } : {}) } as DebugStop);
  }

  // ------------------------------------------------------------------ breakpoints

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    const isProgram = args.source.path !== undefined && this.programPath !== '' && path.resolve(args.source.path) === this.programPath;
    const lines = new Map<number, LineBreakpoint>();
    const breakpoints: DebugProtocol.Breakpoint[] = requested.map((bp) => {
      const requestedLine = this.convertClientLineToDebugger(bp.line);
      const result: DebugProtocol.Breakpoint = { id: this.nextBreakpointId++, verified: false, line: bp.line, source: args.source };
      if (!isProgram) {
        result.message = 'PyXray runs one file: this is not the launched program';
        return result;
      }
      const line = this.codeLines.find((l) => l >= requestedLine);
      if (line === undefined) {
        result.message = requestedLine > this.sourceLines.length ? 'beyond the end of the file' : 'no code on or after this line';
        return result;
      }
      const state: LineBreakpoint = { condition: null, hitCondition: null, logMessage: null, hits: 0 };
      try {
        if (bp.condition !== undefined && bp.condition.trim() !== '') state.condition = parseCondition(bp.condition);
        if (bp.hitCondition !== undefined && bp.hitCondition.trim() !== '') state.hitCondition = parseHitCondition(bp.hitCondition);
        if (bp.logMessage !== undefined && bp.logMessage !== '') state.logMessage = parseLogMessage(bp.logMessage);
      } catch (error) {
        result.message = error instanceof ConditionError ? error.message : String(error);
        return result;
      }
      // Hit counts survive a re-send of the same breakpoint (VS Code re-sends the whole file's list).
      state.hits = this.program?.lineBreakpoints.get(line)?.hits ?? 0;
      lines.set(line, state);
      result.verified = true;
      result.line = this.convertDebuggerLineToClient(line);
      if (this.classBodyLines.has(line) && !synchronousStopsEnabled()) result.message = 'this line runs in a class body, which this (inline) debugger cannot stop in';
      return result;
    });
    if (isProgram && this.program !== null) this.program.lineBreakpoints = lines;
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    const codes = this.addresses?.codes ?? [];
    const names = new Set<string>();
    const breakpoints = args.breakpoints.map((bp): DebugProtocol.Breakpoint => {
      const code = codes.find((c) => c.co_name !== '<module>' && (c.co_qualname === bp.name || c.co_name === bp.name));
      if (code === undefined) return { verified: false, message: `no function named '${bp.name}' in the program` };
      names.add(bp.name);
      return { verified: true, line: this.convertDebuggerLineToClient(code.co_firstlineno), source: this.source() };
    });
    if (this.program !== null) this.program.functionBreakpoints = names;
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    const byCode = new Map<CodeObject, Set<number>>();
    const breakpoints = args.breakpoints.map((bp): DebugProtocol.Breakpoint => {
      const base = parseAddress(bp.instructionReference);
      const target = base === null ? null : this.addresses?.resolve('0x' + (base + (bp.offset ?? 0)).toString(16)) ?? null;
      if (target === null) return { verified: false, message: 'not an instruction of this program' };
      const ins = this.addresses!.instructions(target.code).find((i) => i.offset === target.offset);
      if (ins === undefined) return { verified: false, message: 'no instruction starts at this address' };
      let set = byCode.get(target.code);
      if (set === undefined) byCode.set(target.code, (set = new Set()));
      set.add(target.offset);
      return { verified: true, instructionReference: this.addresses!.address(target.code, target.offset), line: ins.positions.lineno ?? undefined };
    });
    if (this.program !== null) this.program.instructionBreakpoints = this.translateInstructionBreakpoints(byCode, this.program.code === this.code ? null : allCodeObjects(this.program.code));
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    const filters = new Set([...(args.filters ?? []), ...(args.filterOptions ?? []).map((o) => o.filterId)]);
    // The object is shared with the program (and the replays), so this takes effect at once.
    this.exceptionFilters.raised = filters.has(ExceptionFilter.raised);
    this.exceptionFilters.uncaught = filters.has(ExceptionFilter.uncaught);
    this.exceptionFilters.userUncaught = filters.has(ExceptionFilter.userUncaught);
    if (this.program !== null) this.program.exceptionStops = this.exceptionFilters;
    response.body = { breakpoints: [...filters].map(() => ({ verified: true })) };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, _args: DebugProtocol.ExceptionInfoArguments): void {
    const stop = this.lastStop;
    if (stop === null || stop.kind !== 'exception' || this.program === null) {
      this.sendErrorResponse(response, 5001, 'the program is not stopped on an exception');
      return;
    }
    const exc = stop.exception;
    // Unwinding and uncaught: the text the program will end with (the callers' entries too).
    const text = this.program.tracebackText(exc, stop.unwinding && stop.uncaught ? this.program.topFrame : null);
    // The last line of CPython's text is "Type: message" (or just "Type").
    const lastLine = text.trimEnd().split('\n').pop() ?? '';
    const typeName = qualifiedTypeName(exc.ob_type);
    const message = lastLine.startsWith(typeName + ': ') ? lastLine.slice(typeName.length + 2) : lastLine === typeName ? '' : lastLine;
    response.body = {
      exceptionId: typeName,
      description: message,
      breakMode: stop.uncaught ? 'unhandled' : 'always',
      details: { message, typeName: exc.ob_type.name, fullTypeName: typeName, stackTrace: text },
    };
    this.sendResponse(response);
  }

  // ------------------------------------------------------------------ data breakpoints

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    response.body = this.dataBreakpointInfo(args);
    this.sendResponse(response);
  }

  private dataBreakpointInfo(args: DebugProtocol.DataBreakpointInfoArguments): DebugProtocol.DataBreakpointInfoResponse['body'] {
    const none = (description: string) => ({ dataId: null, description });
    const container = args.variablesReference !== undefined ? this.variableHandles.get(args.variablesReference) : undefined;
    const name = args.name;
    if (container === undefined) {
      if (this.program !== null && this.program.mainGlobals.getStr(name) !== undefined) {
        return { dataId: `global:${name}`, description: `the binding of global ${name}`, accessTypes: ['write'], canPersist: true };
      }
      return none('select a variable or its ob_refcnt to watch');
    }
    switch (container.kind) {
      case 'object': {
        if (name !== 'ob_refcnt') return none('only a name binding or an object\'s ob_refcnt can be watched');
        const o = container.object;
        if (objectInternals(o).isStatic) return none('this object is never freed and its count is not tracked (a static object)');
        return { dataId: `refcount:${hexAddress(o)}`, description: `ob_refcnt of ${qualifiedTypeName(o.ob_type)} at ${hexAddress(o)} (changes and free)`, accessTypes: ['write'] };
      }
      case 'globals':
      case 'namespace':
        return { dataId: `global:${name}`, description: `the binding of global ${name}`, accessTypes: ['write'], canPersist: true };
      case 'locals':
      case 'cells': {
        const frame = container.frame;
        if (frame.locals !== null) return { dataId: `global:${name}`, description: `the binding of ${name}`, accessTypes: ['write'], canPersist: true };
        const slot = frame.code.co.co_localsplusnames.indexOf(name);
        if (slot < 0) return none(`no local named ${name}`);
        return { dataId: `local:${depthFromBottom(frame)}:${slot}:${name}`, description: `the binding of ${name} in ${frame.code.co.co_qualname}`, accessTypes: ['write'] };
      }
      default:
        return none('frame internals cannot be watched');
    }
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    const specs: WatchSpec[] = [];
    const breakpoints = args.breakpoints.map((bp): DebugProtocol.Breakpoint => {
      const id = this.nextBreakpointId++;
      const spec = parseDataId(bp.dataId, id);
      if (spec === null) return { id, verified: false, message: `not a PyXray data breakpoint: ${bp.dataId}` };
      specs.push(spec);
      return { id, verified: true };
    });
    this.watchSpecs.specs = specs;
    if (this.program !== null && this.program.topFrame !== null) {
      this.program.watches = this.watchSpecs.resolve(this.program, this.shownObjects);
      const resolved = new Set(this.program.watches.map((w) => w.id));
      breakpoints.forEach((bp, i) => {
        const spec = specs.find((s) => s.id === bp.id);
        if (bp.verified && spec !== undefined && !resolved.has(spec.dataId)) {
          breakpoints[i] = { ...bp, verified: false, message: spec.kind === 'refcount' ? `no live object at ${spec.address}` : 'that frame has returned' };
        }
      });
    }
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  // ------------------------------------------------------------------ threads, frames, scopes

  /**
   * Every simulated thread that has started and not finished, named with its state and a marker
   * on the GIL holder ("MainThread — holds the GIL", "Thread-1 (worker) — waiting for GIL"); a
   * multiprocessing child process's thread by its process ("Process-1 / MainThread — blocked (sleep)").
   */
  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    if (this.program === null || this.program.isFinished) {
      response.body = { threads: [new Thread(MAIN_THREAD_ID, 'MainThread')] };
    } else {
      const threads = debugThreads(this.program.interp).filter((t) => t.state !== 'finished' && t.state !== 'not started');
      const processes = childProcessThreads(this.program.interp);
      response.body = {
        threads: threads.map((t) => {
          const process = processes.get(t.ident);
          const name = process !== undefined ? `${process} / MainThread` : t.name;
          return new Thread(t.id + 1, `${name} — ${t.holdsGil ? 'holds the GIL' : t.state}${t.detail !== null ? ` (${t.detail})` : ''}`);
        }),
      };
    }
    this.sendResponse(response);
  }

  /** The frames of a thread, innermost first. */
  private threadFrames(threadId: number): Frame[] {
    const program = this.program!;
    if (threadId === this.stoppedThreadId) return program.frames();
    return debugThreads(program.interp).find((t) => t.id + 1 === threadId)?.frames ?? [];
  }

  private source(): DebugProtocol.Source {
    return { name: path.basename(this.programPath), path: this.programPath };
  }

  /** Library modules' sources (PyXray's own stdlib), served by reference: they are not on disk. */
  private readonly sourceReferences = new Map<string, number>();

  private sourceOf(filename: string): DebugProtocol.Source {
    if (filename === this.programPath) return this.source();
    let reference = this.sourceReferences.get(filename);
    if (reference === undefined) this.sourceReferences.set(filename, (reference = this.sourceReferences.size + 1));
    return { name: path.basename(filename), path: filename, sourceReference: reference, presentationHint: 'deemphasize', origin: "PyXray's standard library" };
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    const file = [...this.sourceReferences].find(([, ref]) => ref === args.sourceReference)?.[0];
    const content = file !== undefined && this.program !== null ? this.program.sourceText(file) : null;
    if (content === null) {
      this.sendErrorResponse(response, 8001, 'no such source');
      return;
    }
    response.body = { content, mimeType: 'text/x-python' };
    this.sendResponse(response);
  }

  /** A 1-based client column for a 0-based UTF-8 column of `file` (the program's lines are known). */
  private columnIn(file: string, line: number, utf8Column: number): number {
    return this.convertDebuggerColumnToClient((file === this.programPath ? this.addresses!.column(line, utf8Column) : utf8Column) + 1);
  }

  /** The uncaught exception the program is stopped on after its frames exited, or null. */
  private postMortemException(): PyObject | null {
    const stop = this.lastStop;
    return stop !== null && stop.kind === 'exception' && stop.uncaught && !stop.unwinding ? stop.exception : null;
  }

  /** The exception unwinding while stopped (frames alive, each at its lasti), or null. */
  private unwindingException(): PyObject | null {
    const stop = this.lastStop;
    return stop !== null && stop.kind === 'exception' && stop.unwinding ? stop.exception : null;
  }

  /** Stopped inside an instruction (an exception unwinding, an allocation over maxHeapBytes): every frame is at its lasti. */
  private stoppedMidInstruction(): boolean {
    const stop = this.lastStop;
    return stop !== null && ((stop.kind === 'exception' && stop.unwinding) || stop.kind === 'heap limit');
  }

  /** A frame the exception's traceback names, which has exited (no locals: its exception and globals). */
  private exitedStackFrame(pm: PostMortemFrame, exception: PyObject): DebugProtocol.StackFrame {
    const loc = this.addresses!.instructions(pm.code).find((i) => i.offset === pm.offset);
    return {
      id: this.frameHandles.create({ postMortem: pm, exception }),
      name: pm.code.co_qualname,
      source: this.sourceOf(pm.code.co_filename),
      line: this.convertDebuggerLineToClient(loc?.positions.lineno ?? pm.code.co_firstlineno),
      column: this.convertDebuggerColumnToClient(1),
      instructionPointerReference: this.addresses!.has(pm.code) ? this.addresses!.address(pm.code, pm.offset) : undefined,
      presentationHint: 'subtle',
    };
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const start = args.startFrame ?? 0;
    const exception = this.postMortemException();
    if (exception !== null && !this.running) {
      const frames = tracebackFrames(exception as never);
      const count = args.levels ? args.levels : frames.length;
      const stackFrames = frames.slice(start, start + count).map((pm) => this.exitedStackFrame(pm, exception));
      response.body = { stackFrames, totalFrames: frames.length };
      this.sendResponse(response);
      return;
    }
    const live = this.running || this.program === null ? [] : this.threadFrames(args.threadId);
    // Stopped while an exception unwinds: the frames it already left (the traceback's entries
    // below the frame it is in) come first, then the live ones, each at the instruction it runs.
    const unwinding = args.threadId === this.stoppedThreadId ? this.unwindingException() : null;
    const exited = unwinding !== null ? tracebackFrames(unwinding as never).slice(0, -1) : [];
    const frames: (Frame | PostMortemFrame)[] = [...exited, ...live];
    const count = args.levels ? args.levels : frames.length;
    const stackFrames = frames.slice(start, start + count).map((frame, i): DebugProtocol.StackFrame => {
      if (!('fast' in frame)) return this.exitedStackFrame(frame, unwinding!);
      const innermost = start + i === exited.length && !(args.threadId === this.stoppedThreadId && this.stoppedMidInstruction());
      const loc = frameLocation(frame, innermost);
      // An instruction without a line (PUSH_EXC_INFO at a handler's start) shows the line of the
      // next instruction that has one (the `except` clause).
      const line = loc.line ?? this.addresses!.instructions(loc.code).find((i) => i.offset > loc.offset && i.positions.lineno != null)?.positions.lineno ?? frame.code.co.co_firstlineno;
      const file = loc.code.co_filename;
      const result: DebugProtocol.StackFrame = {
        id: this.frameHandles.create({ frame, innermost }),
        name: loc.code.co_qualname,
        source: this.sourceOf(file),
        line: this.convertDebuggerLineToClient(line),
        column: loc.column !== null && loc.line !== null ? this.columnIn(file, loc.line, loc.column) : this.convertDebuggerColumnToClient(1),
        instructionPointerReference: this.addresses!.has(loc.code) ? this.addresses!.address(loc.code, loc.offset) : undefined,
      };
      if (loc.endLine !== null) result.endLine = this.convertDebuggerLineToClient(loc.endLine);
      if (loc.endLine !== null && loc.endColumn !== null) result.endColumn = this.columnIn(file, loc.endLine, loc.endColumn);
      return result;
    });
    response.body = { stackFrames, totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const entry = this.frameHandles.get(args.frameId);
    if (entry === undefined) {
      response.body = { scopes: [] };
      this.sendResponse(response);
      return;
    }
    if ('postMortem' in entry) {
      // The frame has exited: its locals are gone; the exception and the module's globals remain.
      response.body = {
        scopes: [
          new Scope('Exception', this.variableHandles.create({ kind: 'object', object: entry.exception }), false),
          new Scope('Globals', this.variableHandles.create({ kind: 'namespace', dict: entry.postMortem.globals }), true),
        ],
      };
      this.sendResponse(response);
      return;
    }
    const { frame, innermost } = entry;
    const co = frame.code.co;
    const locals: DebugProtocol.Scope = { ...new Scope('Locals', this.variableHandles.create({ kind: 'locals', frame }), false), presentationHint: 'locals' };
    const scopes: DebugProtocol.Scope[] = [locals];
    // Only code objects with closures have cells; an always-empty scope would be noise.
    if (co.co_cellvars.length + co.co_freevars.length > 0) {
      scopes.push(new Scope('Cells & free variables', this.variableHandles.create({ kind: 'cells', frame }), false));
    }
    scopes.push(
      new Scope('Globals', this.variableHandles.create({ kind: 'globals', frame }), true),
      new Scope('Builtins', this.variableHandles.create({ kind: 'namespace', dict: frame.builtins }), true),
      new Scope('Frame internals', this.variableHandles.create({ kind: 'internals', frame, innermost }), false),
      // Process-wide: the same in every frame.
      // Only once the program imported asyncio.
      ...(this.program !== null && asyncioView(this.program.interp) !== null ? [new Scope('asyncio', this.variableHandles.create({ kind: 'asyncio' }), false)] : []),
      new Scope('GC', this.variableHandles.create({ kind: 'gc' }), false),
      new Scope('GIL', this.variableHandles.create({ kind: 'gil' }), false),
      new Scope('Memory', this.variableHandles.create({ kind: 'memory' }), true),
    );
    response.body = { scopes };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const container = this.variableHandles.get(args.variablesReference);
    let variables: DebugProtocol.Variable[] = [];
    if (container !== undefined && !this.running) variables = this.variablesOf(container);
    if (args.start !== undefined || args.count !== undefined) {
      const start = args.start ?? 0;
      variables = variables.slice(start, args.count ? start + args.count : undefined);
    }
    response.body = { variables };
    this.sendResponse(response);
  }

  private variablesOf(container: VariableContainer): DebugProtocol.Variable[] {
    switch (container.kind) {
      case 'locals':
        return frameLocals(container.frame).map((slot) => this.variable(slot.name, slot.value));
      case 'globals':
        return frameGlobals(container.frame).map((slot) => this.variable(slot.name, slot.value));
      case 'namespace':
        return container.dict.entries().map(([k, v]) => this.variable(safeRepr(k).replace(/^'(.*)'$/, '$1'), v));
      case 'cells':
        // The cell objects themselves (their id and refcount are what closures share); expand one
        // for cell_contents.
        return frameCells(container.frame).map((slot) => {
          if (slot.cell === null) {
            const v = this.variable(slot.name, slot.value);
            v.value = `${slot.value === null ? '<unbound>' : v.value} (${slot.kind} variable, no cell yet)`;
            return v;
          }
          const v = this.variable(slot.name, slot.cell);
          v.type = `cell (${slot.kind} variable)`;
          return v;
        });
      case 'internals':
        return this.frameInternals(container.frame, container.innermost);
      case 'stack':
        return frameStack(container.frame).map((value, i) => this.variable(`[${i}]`, value, 'NULL'));
      case 'memory':
        return this.views.memoryVariables();
      case 'gil':
        return this.views.gilVariables(this.program!);
      case 'gc':
        return this.views.gcVariables(this.gcLog);
      case 'asyncio':
        return this.asyncioVariables();
      case 'object':
        return this.objectVariables(container.object);
    }
  }

  /**
   * The asyncio scope: each event loop (clock, ready callbacks, timers) and each unfinished task
   * with its state, where its coroutine is and what it waits on; a task expands to its object.
   */
  private asyncioVariables(): DebugProtocol.Variable[] {
    const view = this.program === null ? null : asyncioView(this.program.interp);
    if (view === null) return [];
    const hint: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const out: DebugProtocol.Variable[] = view.loops.map((l) => ({
      name: `loop ${l.address}`,
      value: `${l.running ? 'running' : l.closed ? 'closed' : 'idle'}, time ${l.time.toFixed(6)}, ${l.ready} ready, ${l.scheduled} timers${l.current !== null ? `, current task ${l.current}` : ''}`,
      variablesReference: 0,
      presentationHint: hint,
    }));
    for (const t of view.tasks) {
      const v = this.variable(t.name, t.task);
      v.value = `${t.state}: ${t.coroutine}${t.waitingOn !== null ? ` — waiting on ${t.waitingOn}` : ''}${t.outcome !== null ? ` — ${t.outcome}` : ''}`;
      out.push(v);
    }
    return out;
  }

  private frameInternals(frame: Frame, innermost: boolean): DebugProtocol.Variable[] {
    const loc = frameLocation(frame, innermost);
    const stack = frameStack(frame);
    const text = loc.instruction !== null ? `${loc.offset} ${instructionText(loc.instruction)}` : `${loc.offset}`;
    return [
      { name: innermost ? 'next instruction' : 'current instruction', value: text, variablesReference: 0, memoryReference: this.addresses!.has(loc.code) ? this.addresses!.address(loc.code, loc.offset) : undefined },
      {
        name: 'value stack',
        value: `[${stack.map((v) => (v === null ? 'NULL' : safeRepr(v))).join(', ')}]`,
        type: `${stack.length} of ${loc.code.co_stacksize} slots`,
        variablesReference: stack.length > 0 ? this.variableHandles.create({ kind: 'stack', frame }) : 0,
      },
      { name: 'exception table entry', value: exceptionTableEntryAt(loc.code, loc.offset) ?? 'none (an exception here leaves the frame)', variablesReference: 0 },
      { name: 'f_lasti', value: String(frame.lasti * 2), variablesReference: 0 },
      { name: 'co_qualname', value: loc.code.co_qualname, variablesReference: 0 },
      { name: 'co_firstlineno', value: String(loc.code.co_firstlineno), variablesReference: 0 },
    ];
  }

  private variable(name: string, value: PyObject | null, missing = '<unbound>'): DebugProtocol.Variable {
    if (value === null) return { name, value: missing, variablesReference: 0 };
    const repr = safeRepr(value);
    const address = hexAddress(value);
    this.shownObjects.set(address, value);
    return {
      name,
      value: hasUserRepr(value) ? `${repr} (its __repr__ is not run by the debugger)` : repr,
      type: qualifiedTypeName(value.ob_type),
      variablesReference: this.variableHandles.create({ kind: 'object', object: value }),
      // VS Code's binary view opens the object's simulated bytes (readMemory).
      memoryReference: address,
    };
  }

  /** An object's header (refcount, id, type) and then the references it holds. */
  private objectVariables(object: PyObject): DebugProtocol.Variable[] {
    const internals = objectInternals(object);
    const virtual: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const summary = objectSummary(object);
    const out: DebugProtocol.Variable[] = [
      { name: 'ob_refcnt', value: internals.isStatic ? 'static (never freed)' : String(internals.refcount), variablesReference: 0, presentationHint: virtual },
      // id() prints the address in decimal; reprs print it in hex.
      { name: 'id', value: `${BigInt(internals.address)} (${internals.address})`, variablesReference: 0, presentationHint: virtual, memoryReference: internals.address },
      { name: 'type', value: `<class '${internals.type}'>`, variablesReference: 0, presentationHint: virtual },
      // sys.getsizeof (from fields), then where the allocator put the object.
      { name: 'size', value: `${sizeofWithoutPython(object)} bytes (sys.getsizeof); a ${summary.size}-byte request${summary.sizeClass !== null ? `, size class ${summary.sizeClass} (${(summary.sizeClass + 1) * 16}-byte blocks)` : ' to the system malloc'}`, variablesReference: 0, presentationHint: virtual },
      { name: 'gc', value: ProcessViews.gcGenerationText(object), variablesReference: 0, presentationHint: virtual },
    ];
    const generator = generatorInfo(object);
    if (generator !== null) {
      out.push({ name: 'gi_state', value: generator.state, variablesReference: 0, presentationHint: virtual });
      const frame = generator.frame;
      if (frame !== null) {
        const loc = frameLocation(frame, true);
        out.push({
          name: 'gi_frame',
          value: `<frame of ${loc.code.co_qualname}${loc.line !== null ? `, line ${loc.line}` : ''}>`,
          type: 'frame',
          // Expands to the suspended frame's locals.
          variablesReference: this.variableHandles.create({ kind: 'locals', frame }),
          presentationHint: virtual,
        });
      }
    }
    if (objectInternals(object).type === 'cell' && this.program !== null) {
      // Which closures share this variable: the functions whose __closure__ holds the cell.
      const sharing = functionsSharingCell(new HeapWalk(this.program.interp, this.program.topFrame), object);
      out.push({ name: 'shared by', value: sharing.length === 0 ? 'no function yet' : sharing.join(', '), variablesReference: 0, presentationHint: virtual });
    }
    const mro = mroText(object);
    if (mro !== null) out.push({ name: '__mro__', value: mro, variablesReference: 0, presentationHint: virtual });
    for (const child of objectChildren(object)) out.push(this.variable(child.name, child.value));
    return out;
  }

  // ------------------------------------------------------------------ evaluate, set, complete

  /** The live frame a request names (or the innermost one), or null when not stopped in one. */
  private frameFor(frameId: number | undefined): Frame | null {
    if (this.running || this.program === null) return null;
    const entry = frameId !== undefined ? this.frameHandles.get(frameId) : undefined;
    if (entry !== undefined && 'frame' in entry) return entry.frame;
    return this.program.topFrame;
  }

  private evaluateIn(expression: string, frame: Frame): ConditionValue {
    return parseCondition(expression).evaluate(frame);
  }

  private resultOf(expression: string, value: ConditionValue): { result: string; type?: string; variablesReference: number; memoryReference?: string } {
    if (typeof value === 'object' && value !== null) {
      const v = this.variable(expression, value);
      return { result: v.value, type: v.type, variablesReference: v.variablesReference, memoryReference: v.memoryReference };
    }
    return { result: reprConditionValue(value), type: scalarTypeName(value), variablesReference: 0 };
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    if (this.pendingInput !== null && args.context === 'repl') {
      // The program waits in input(): what was typed is its line.
      this.pendingInput.line = args.expression;
      response.body = { result: '', variablesReference: 0 };
      this.sendResponse(response);
      return;
    }
    const frame = this.frameFor(args.frameId);
    if (frame === null) {
      this.sendErrorResponse(response, 2001, 'the program is not stopped');
      return;
    }
    try {
      const value = this.evaluateIn(args.expression, frame);
      response.body = this.resultOf(args.expression, value);
      if (args.context === 'hover') response.body.result += this.hoverNote(args.expression.trim(), frame, value);
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, 2002, (error as Error).message);
    }
  }

  /**
   * What a hover adds to the value: its refcount and id, and for a cell or free variable the cell
   * that holds it (`⟨free variable · cell 0x… refcount 2 · refcount 1 · id 0x…⟩`).
   */
  private hoverNote(expression: string, frame: Frame, value: ConditionValue): string {
    const parts: string[] = [];
    const slot = /^[A-Za-z_]\w*$/.test(expression) ? frameCells(frame).find((c) => c.name === expression) : undefined;
    if (slot !== undefined && slot.cell !== null) {
      const cell = objectInternals(slot.cell);
      parts.push(`${slot.kind} variable · cell ${cell.address} refcount ${cell.refcount}`);
    }
    if (typeof value === 'object' && value !== null) {
      const o = objectInternals(value);
      if (!o.isStatic) parts.push(`refcount ${o.refcount}`);
      parts.push(`id ${o.address}`);
    }
    return parts.length === 0 ? '' : `  ⟨${parts.join(' · ')}⟩`;
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    const container = this.variableHandles.get(args.variablesReference);
    const frame = this.frameFor(undefined);
    if (container === undefined || frame === null) {
      this.sendErrorResponse(response, 6001, 'the program is not stopped');
      return;
    }
    try {
      const evalFrame = 'frame' in container ? container.frame : frame;
      const value = objectForValue(this.evaluateIn(args.value, evalFrame));
      switch (container.kind) {
        case 'locals':
        case 'cells':
          assignName(container.frame, args.name, value);
          break;
        case 'globals':
          assignInDict(container.frame.globals, args.name, value);
          break;
        case 'object': {
          const item = /^\[(\d+)\]$/.exec(args.name);
          const ok = item !== null && container.object instanceof PyList
            ? assignListItem(container.object, Number(item[1]), value)
            : assignAttribute(container.object, args.name, value);
          if (!ok) throw new Error(`${args.name} cannot be set here (list items and instance attributes can)`);
          break;
        }
        default:
          dropValue(value);
          throw new Error('this value is read-only');
      }
      this.changedByUser();
      const shown = this.resultOf(args.name, this.evaluateIn(args.value, evalFrame));
      response.body = { value: shown.result, type: shown.type, variablesReference: shown.variablesReference, memoryReference: shown.memoryReference };
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, 6002, (error as Error).message);
    }
  }

  protected override setExpressionRequest(response: DebugProtocol.SetExpressionResponse, args: DebugProtocol.SetExpressionArguments): void {
    const frame = this.frameFor(args.frameId);
    if (frame === null) {
      this.sendErrorResponse(response, 6001, 'the program is not stopped');
      return;
    }
    try {
      const target = /^\s*([A-Za-z_]\w*)\s*(?:\[\s*(-?\d+)\s*\]|\.([A-Za-z_]\w*))?\s*$/.exec(args.expression);
      if (target === null) throw new Error('only a name, name[index] or name.attribute can be assigned');
      const value = objectForValue(this.evaluateIn(args.value, frame));
      const [, name, index, attribute] = target;
      if (index === undefined && attribute === undefined) assignName(frame, name, value);
      else {
        const holder = this.evaluateIn(name, frame);
        const ok = index !== undefined
          ? holder instanceof PyList && assignListItem(holder, Number(index) < 0 ? holder.items.length + Number(index) : Number(index), value)
          : typeof holder === 'object' && holder !== null && assignAttribute(holder, attribute!, value);
        if (!ok) throw new Error(`${args.expression} cannot be assigned (list items and instance attributes can)`);
      }
      this.changedByUser();
      response.body = this.resultOf(args.expression, this.evaluateIn(args.value, frame)) as unknown as DebugProtocol.SetExpressionResponse['body'];
      response.body.value = (response.body as unknown as { result: string }).result;
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, 6002, (error as Error).message);
    }
  }

  /** After an edit: data watches re-read their values, and the history can no longer replay this run. */
  private changedByUser(): void {
    const program = this.program!;
    this.history.editedAt ??= program.instructionCount;
    program.watches = this.watchSpecs.resolve(program, this.shownObjects);
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    const frame = this.frameFor(args.frameId);
    const column = this.convertClientColumnToDebugger(args.column) - 1;
    const text = args.text.slice(0, column);
    const m = /((?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)?$/.exec(text)!;
    const path = m[1] === '' ? [] : m[1].slice(0, -1).split('.');
    const prefix = m[2] ?? '';
    let candidates: string[] = [];
    if (frame !== null) {
      try {
        if (path.length === 0) candidates = namesInScope(frame);
        else {
          let o = lookupName(frame, path[0]);
          for (const attr of path.slice(1)) o = o !== null ? attributeOf(o, attr) : null;
          if (o !== null) candidates = attributeNames(o);
        }
      } catch {
        candidates = [];
      }
    }
    const start = column - prefix.length;
    response.body = {
      targets: candidates.filter((c) => c.startsWith(prefix)).sort().map((label) => ({
        label,
        type: path.length === 0 ? 'variable' : 'property',
        start: this.convertDebuggerColumnToClient(start + 1),
        length: prefix.length,
      })),
    };
    this.sendResponse(response);
  }

  // ------------------------------------------------------------------ memory, disassemble

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    const base = parseAddress(args.memoryReference);
    const address = base === null ? null : base + (args.offset ?? 0);
    const object = address === null ? undefined : this.objectCovering(address);
    if (address === null || object === undefined) {
      response.body = { address: address === null ? args.memoryReference : '0x' + address.toString(16), unreadableBytes: args.count };
      this.sendResponse(response);
      return;
    }
    const bytes = objectBytes(object);
    const from = address - object.ob_addr;
    const slice = bytes.subarray(from, from + args.count);
    response.body = {
      address: '0x' + address.toString(16),
      data: Buffer.from(slice).toString('base64'),
      unreadableBytes: args.count - slice.length,
    };
    this.sendResponse(response);
  }

  /** The shown object whose bytes contain `address`. */
  private objectCovering(address: number): PyObject | undefined {
    for (const o of this.shownObjects.values()) {
      if (address >= o.ob_addr && address < o.ob_addr + Math.max(16, objectBytes(o).length)) return o;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ PyXray's custom requests (protocol.ts)

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    const program = this.program;
    const known: string[] = customRequests.map((r) => r.command);
    if (!known.includes(command)) {
      super.customRequest(command, response, args);
      return;
    }
    if (command === processMemoryRequest.command) {
      (globalThis as { gc?: () => void }).gc?.();
      response.body = process.memoryUsage();
      this.sendResponse(response);
      return;
    }
    if (program === null || this.running || program.isFinished) {
      // Telemetry, not User: the views show the text themselves (VS Code would toast every stop).
      this.sendErrorResponse(response, 7001, `${command}: the program is not stopped`, undefined, ErrorDestination.Telemetry);
      return;
    }
    try {
      switch (command) {
        case heapMapRequest.command:
          response.body = this.views.heapMap(program, (args ?? {}) as HeapMapArguments);
          break;
        case objectGraphRequest.command: {
          const a = (args ?? {}) as ObjectGraphArguments;
          const container = a.variablesReference !== undefined ? this.variableHandles.get(a.variablesReference) : undefined;
          const root = container?.kind === 'object' ? container.object : a.address !== undefined ? findObject(program, a.address, this.shownObjects) : null;
          if (root === null || root === undefined) throw new Error('objectGraph: no live object at that address or reference');
          response.body = this.views.objectGraph(program, root, a);
          break;
        }
        case gilTimelineRequest.command:
          response.body = this.views.gilTimeline(program, (args ?? {}) as GilTimelineArguments);
          break;
        case gcLogRequest.command:
          response.body = this.views.gcLog(this.gcLog, (args ?? {}) as GcLogArguments);
          break;
        default:
          throw new Error(`${command}: not a PyXray request`);
      }
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, 7002, (error as Error).message, undefined, ErrorDestination.Telemetry);
    }
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    if (this.addresses === null) {
      this.sendErrorResponse(response, 3001, 'no program is loaded');
      return;
    }
    response.body = { instructions: this.addresses.disassemble(args, this.source()) };
    this.sendResponse(response);
  }
}

/** An attribute read from the instance dict or the type's MRO (no descriptors run). */
function attributeOf(o: PyObject, name: string): PyObject | null {
  const own = o.dict !== null ? o.dict.getStr(name) : undefined;
  if (own !== undefined) return own;
  return o.ob_type.lookup(name);
}

function scalarTypeName(v: bigint | number | string | boolean | null): string {
  if (v === null) return 'NoneType';
  return typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'string' ? 'str' : 'bool';
}
