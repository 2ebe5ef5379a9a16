// The PyXray debug session: translates the Debug Adapter Protocol to the runtime's inspect API
// and back. It owns the DAP side only — launch arguments, breakpoint verification against the
// line table, variable handles, events — while the runtime (runtime/src/inspect) owns running,
// stopping and reading frames and objects. The program runs in budgeted slices with a turn of the
// event loop between them, so pause, disconnect and every other request are answered even while
// the snippet spins in `while True: pass`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DebugSession, ExitedEvent, Handles, InitializedEvent, OutputEvent, Scope, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileSource, normalizeNewlines, type CodeObject } from '../../runtime/src/index';
import {
  DebugProgram, MemoryHost, frameCells, frameGlobals, frameLocals, frameLocation, frameStack, hasUserRepr,
  linesWithCode, linesOnlyInClassBodies, objectChildren, objectInternals, qualifiedTypeName, safeRepr,
  parseCondition, parseHitCondition, parseLogMessage, ConditionError, reprConditionValue,
  type DebugStop, type LineBreakpoint, type Frame, type PyObject, type StepGranularity, type StepKind,
} from '../../runtime/src/inspect/index';
import { compileErrorText } from './compileErrors';
import type { PyxrayLaunchArguments } from './protocol';
import { CodeAddresses, instructionText, parseAddress } from './disassembly';

const THREAD_ID = 1;
/** Instructions per slice between two turns of the event loop (a few milliseconds of work). */
const SLICE_INSTRUCTIONS = 20_000;

type VariableContainer =
  | { kind: 'locals'; frame: Frame }
  | { kind: 'cells'; frame: Frame }
  | { kind: 'globals'; frame: Frame }
  | { kind: 'internals'; frame: Frame; innermost: boolean }
  | { kind: 'stack'; frame: Frame }
  | { kind: 'object'; object: PyObject };

/** A host whose output goes to the Debug Console as it is written, stdout and stderr in order. */
class ConsoleHost extends MemoryHost {
  constructor(programPath: string, files: Record<string, string>, stdin: string, args: string[], private readonly emit: (text: string, category: 'stdout' | 'stderr') => void) {
    super(programPath, files, stdin, args);
  }
  override writeStdout(text: string): void {
    this.emit(text, 'stdout');
  }
  override writeStderr(text: string): void {
    this.emit(text, 'stderr');
  }
}

export class PyxraySession extends DebugSession {
  private program: DebugProgram | null = null;
  private code: CodeObject | null = null;
  private addresses: CodeAddresses | null = null;
  private programPath = '';
  private sourceLines: string[] = [];
  private codeLines: number[] = [];
  private classBodyLines = new Set<number>();
  private stepGranularity: StepGranularity = 'line';
  private configurationDone = false;
  private launched = false;
  private running = false;
  private ended = false;
  private variableHandles = new Handles<VariableContainer>();
  private frameHandles = new Handles<{ frame: Frame; innermost: boolean }>();
  private nextBreakpointId = 1;

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
    this.sourceLines = source.split('\n');
    this.stepGranularity = launch.stepGranularity === 'instruction' ? 'instruction' : 'line';
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
    const host = new ConsoleHost(programPath, { [programPath]: source }, launch.stdin ?? '', launch.args ?? [], (text, category) => {
      this.sendEvent(new OutputEvent(text, category));
    });
    this.program = new DebugProgram(code, host, {
      stopOnEntry: launch.stopOnEntry === true,
      maxInstructions: launch.maxInstructions,
      onLog: (text) => this.sendEvent(new OutputEvent(text, 'console')),
    });
    this.launched = true;
    this.sendResponse(response);
    // Breakpoints are verified against the compiled line table, so they are asked for now.
    this.sendEvent(new InitializedEvent());
    this.startIfReady();
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
    this.running = true;
    setImmediate(this.runSlice);
  }

  private readonly runSlice = (): void => {
    const program = this.program;
    if (program === null || this.ended || !this.running) return;
    let stop: DebugStop;
    try {
      stop = program.run(SLICE_INSTRUCTIONS);
    } catch (error) {
      this.sendEvent(new OutputEvent(`pyxray: internal error: ${(error as Error).stack ?? error}\n`, 'stderr'));
      this.endSession(1);
      return;
    }
    if (stop.kind === 'slice') {
      setImmediate(this.runSlice);
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
    this.running = false;
    this.sendEvent(this.stoppedEvent(stop));
  };

  private stoppedEvent(stop: DebugStop): StoppedEvent {
    switch (stop.kind) {
      case 'entry': return new StoppedEvent('entry', THREAD_ID);
      case 'pause': return new StoppedEvent('pause', THREAD_ID);
      case 'step': return new StoppedEvent('step', THREAD_ID);
      case 'breakpoint': return new StoppedEvent('breakpoint', THREAD_ID);
      case 'function breakpoint': return new StoppedEvent('function breakpoint', THREAD_ID);
      case 'instruction breakpoint': return new StoppedEvent('instruction breakpoint', THREAD_ID);
      default: return new StoppedEvent('pause', THREAD_ID);
    }
  }

  private step(response: DebugProtocol.Response, kind: StepKind, granularity: DebugProtocol.SteppingGranularity | undefined): void {
    const program = this.program;
    if (program === null || this.running || this.ended) {
      this.sendResponse(response);
      return;
    }
    const by: StepGranularity = granularity === 'instruction' ? 'instruction' : granularity === undefined ? this.stepGranularity : 'line';
    program.setStep(kind, by);
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
    this.step(response, 'in', args.granularity);
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.step(response, 'out', args.granularity);
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse, _args: DebugProtocol.PauseArguments): void {
    if (this.running) this.program?.requestPause();
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
      if (this.classBodyLines.has(line)) result.message = 'this line runs in a class body, which the debugger cannot stop in yet';
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
    if (this.program !== null) this.program.instructionBreakpoints = byCode;
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  // ------------------------------------------------------------------ threads, frames, scopes

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'MainThread')] };
    this.sendResponse(response);
  }

  private source(): DebugProtocol.Source {
    return { name: path.basename(this.programPath), path: this.programPath };
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const frames = this.running || this.program === null ? [] : this.program.frames();
    const start = args.startFrame ?? 0;
    const count = args.levels ? args.levels : frames.length;
    const stackFrames = frames.slice(start, start + count).map((frame, i): DebugProtocol.StackFrame => {
      const innermost = start + i === 0;
      const loc = frameLocation(frame, innermost);
      const line = loc.line ?? frame.code.co.co_firstlineno;
      const result: DebugProtocol.StackFrame = {
        id: this.frameHandles.create({ frame, innermost }),
        name: loc.code.co_qualname,
        source: this.source(),
        line: this.convertDebuggerLineToClient(line),
        column: this.convertDebuggerColumnToClient(loc.column !== null && loc.line !== null ? this.addresses!.column(loc.line, loc.column) + 1 : 1),
        instructionPointerReference: this.addresses!.address(loc.code, loc.offset),
      };
      if (loc.endLine !== null) result.endLine = this.convertDebuggerLineToClient(loc.endLine);
      if (loc.endLine !== null && loc.endColumn !== null) result.endColumn = this.convertDebuggerColumnToClient(this.addresses!.column(loc.endLine, loc.endColumn) + 1);
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
      new Scope('Frame internals', this.variableHandles.create({ kind: 'internals', frame, innermost }), false),
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
      case 'object':
        return this.objectVariables(container.object);
    }
  }

  private frameInternals(frame: Frame, innermost: boolean): DebugProtocol.Variable[] {
    const loc = frameLocation(frame, innermost);
    const stack = frameStack(frame);
    const text = loc.instruction !== null ? `${loc.offset} ${instructionText(loc.instruction)}` : `${loc.offset}`;
    return [
      { name: innermost ? 'next instruction' : 'current instruction', value: text, variablesReference: 0, memoryReference: this.addresses!.address(loc.code, loc.offset) },
      {
        name: 'value stack',
        value: `[${stack.map((v) => (v === null ? 'NULL' : safeRepr(v))).join(', ')}]`,
        type: `${stack.length} of ${loc.code.co_stacksize} slots`,
        variablesReference: stack.length > 0 ? this.variableHandles.create({ kind: 'stack', frame }) : 0,
      },
      { name: 'f_lasti', value: String(frame.lasti * 2), variablesReference: 0 },
      { name: 'co_qualname', value: loc.code.co_qualname, variablesReference: 0 },
      { name: 'co_firstlineno', value: String(loc.code.co_firstlineno), variablesReference: 0 },
    ];
  }

  private variable(name: string, value: PyObject | null, missing = '<unbound>'): DebugProtocol.Variable {
    if (value === null) return { name, value: missing, variablesReference: 0 };
    const repr = safeRepr(value);
    return {
      name,
      value: hasUserRepr(value) ? `${repr} (its __repr__ is not run by the debugger)` : repr,
      type: qualifiedTypeName(value.ob_type),
      variablesReference: this.variableHandles.create({ kind: 'object', object: value }),
    };
  }

  /** An object's header (refcount, id, type) and then the references it holds. */
  private objectVariables(object: PyObject): DebugProtocol.Variable[] {
    const internals = objectInternals(object);
    const virtual: DebugProtocol.VariablePresentationHint = { kind: 'virtual', attributes: ['readOnly'] };
    const out: DebugProtocol.Variable[] = [
      { name: 'ob_refcnt', value: internals.isStatic ? 'static (never freed)' : String(internals.refcount), variablesReference: 0, presentationHint: virtual },
      // id() prints the address in decimal; reprs print it in hex.
      { name: 'id', value: `${BigInt(internals.address)} (${internals.address})`, variablesReference: 0, presentationHint: virtual },
      { name: 'type', value: `<class '${internals.type}'>`, variablesReference: 0, presentationHint: virtual },
    ];
    for (const child of objectChildren(object)) out.push(this.variable(child.name, child.value));
    return out;
  }

  // ------------------------------------------------------------------ evaluate, disassemble

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const entry = args.frameId !== undefined ? this.frameHandles.get(args.frameId) : undefined;
    const frame = entry?.frame ?? this.program?.topFrame ?? null;
    if (frame === null || this.running) {
      this.sendErrorResponse(response, 2001, 'the program is not stopped');
      return;
    }
    try {
      const condition = parseCondition(args.expression);
      const value = condition.evaluate(frame);
      const v = typeof value === 'object' && value !== null ? this.variable(args.expression, value) : { value: reprConditionValue(value), variablesReference: 0, type: scalarTypeName(value) };
      response.body = { result: v.value, type: v.type, variablesReference: v.variablesReference };
      this.sendResponse(response);
    } catch (error) {
      this.sendErrorResponse(response, 2002, (error as Error).message);
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

function scalarTypeName(v: bigint | number | string | boolean | null): string {
  if (v === null) return 'NoneType';
  return typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'string' ? 'str' : 'bool';
}
