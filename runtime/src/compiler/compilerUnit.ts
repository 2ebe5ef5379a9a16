// Compiler state: one CompilerUnit per code object being built (module, class body, function,
// lambda, comprehension), stacked as scopes nest, plus the emit helpers every codegen module
// uses. Mirrors compile.c's struct compiler / compiler_unit: constants, names and locals get
// their indexes in first-use order; the current source location is attached to each emitted
// instruction; the frame-block stack (loops, try, with, handlers) drives break/continue/return
// unwinding.

import type { AstNode, Located } from '../syntax/ast';
import { BytesValue, ComplexValue } from '../syntax/constants';
import type { ConstantValue } from '../syntax/constants';
import type { Scope, SymbolTable } from '../symtable/symtable';
import { mangle } from '../symtable/symtable';
import { ConstFrozenset, ConstTuple } from './codeObject';
import type { CodeConstant, CodeObject } from './codeObject';
import { Block, NO_LOC } from './instructions';
import type { Instr, Loc } from './instructions';
import type { CompileWarning } from './compileWarnings';

export const enum ScopeKind {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

export const enum FBlock {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
}

export interface FrameBlock {
  type: FBlock;
  block: Block;
  exit: Block | null;
  /** Finally body (FinallyTry), or the handler name (HandlerCleanup), or the with node. */
  datum: unknown;
}

/** Key that makes two constants the same co_consts entry exactly when CPython's _PyCode_ConstantKey does. */
export function constKey(value: CodeConstant): string | object {
  if (value === null) return 'N';
  switch (typeof value) {
    case 'boolean': return value ? 'T' : 'F';
    case 'bigint': return 'i' + value.toString();
    case 'number': return Object.is(value, -0) ? 'f-0' : 'f' + String(value);
    case 'string': return 's' + value;
    case 'symbol': return 'E';
  }
  if (value instanceof BytesValue) return 'b' + Array.from(value.bytes).join(',');
  if (value instanceof ComplexValue) {
    const part = (x: number) => (Object.is(x, -0) ? '-0' : String(x));
    return `c${part(value.real)},${part(value.imag)}`;
  }
  if (value instanceof ConstTuple) return 't(' + value.items.map((x) => keyText(constKey(x))).join(';') + ')';
  if (value instanceof ConstFrozenset) return 'z(' + value.items.map((x) => keyText(constKey(x))).sort().join(';') + ')';
  return codeKey(value); // code objects compare by value in CPython (code_richcompare)
}

/** Equal code objects (e.g. a lambda in a `finally` body, compiled once per exit path) share one constant. */
const codeKeyCache = new WeakMap<CodeObject, string>();

/** 53-bit string hash (cyrb53): keys of nested code objects stay short without a global table. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function codeKey(co: CodeObject): string {
  const cached = codeKeyCache.get(co);
  if (cached) return cached;
  // Nested code objects enter the key by their own (hashed) key, so keys stay small however deep
  // functions nest.
  const full = JSON.stringify([
    co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_flags,
    co.co_firstlineno, Array.from(co.co_code), co.co_consts.map((x) => keyText(constKey(x))), co.co_names,
    co.co_localsplusnames, Array.from(co.co_localspluskinds), Array.from(co.co_linetable), Array.from(co.co_exceptiontable),
  ]);
  const id = `C${full.length}:${hash53(full)}`;
  codeKeyCache.set(co, id);
  return id;
}

const objectKeys = new WeakMap<object, string>();
let objectKeyCounter = 0;
function keyText(key: string | object): string {
  if (typeof key === 'string') return key;
  let text = objectKeys.get(key);
  if (!text) {
    text = `@${objectKeyCounter++}`;
    objectKeys.set(key, text);
  }
  return text;
}

export class CompilerUnit {
  readonly consts: CodeConstant[] = [];
  private readonly constIndex = new Map<string | object, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varnameIndex = new Map<string, number>();
  readonly cellvars: string[];
  readonly freevars: string[];
  /** All blocks in creation order (CPython walks b_list newest first; we keep both directions). */
  readonly blocks: Block[] = [];
  entry: Block;
  current: Block;
  loc: Loc;
  readonly fblocks: FrameBlock[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  qualname = '';
  private: string | null;
  /** Set while compiling a `finally` body copy / handler: lets `return` etc. know where they are. */
  inAsyncComprehension = false;

  constructor(
    readonly scope: Scope,
    readonly kind: ScopeKind,
    readonly name: string,
    public firstlineno: number,
    privateName: string | null,
  ) {
    this.private = privateName;
    for (const p of scope.parameterNames) this.addVarname(p);
    this.cellvars = scope.cellvars();
    this.freevars = scope.freevars();
    this.entry = this.newBlock();
    this.current = this.entry;
    this.loc = { lineno: firstlineno, end_lineno: firstlineno, col_offset: 0, end_col_offset: 0 };
  }

  newBlock(): Block {
    const b = new Block();
    this.blocks.push(b);
    return b;
  }

  addConst(value: CodeConstant): number {
    const key = constKey(value);
    const found = this.constIndex.get(key);
    if (found !== undefined) return found;
    const index = this.consts.length;
    this.consts.push(value);
    this.constIndex.set(key, index);
    return index;
  }

  addName(name: string): number {
    const found = this.nameIndex.get(name);
    if (found !== undefined) return found;
    this.names.push(name);
    this.nameIndex.set(name, this.names.length - 1);
    return this.names.length - 1;
  }

  addVarname(name: string): number {
    const found = this.varnameIndex.get(name);
    if (found !== undefined) return found;
    this.varnames.push(name);
    this.varnameIndex.set(name, this.varnames.length - 1);
    return this.varnames.length - 1;
  }

  varnameIndexOf(name: string): number | undefined {
    return this.varnameIndex.get(name);
  }

  /** Index among cells then frees, before the assembler maps it into localsplus. */
  derefIndex(name: string): number {
    const cell = this.cellvars.indexOf(name);
    if (cell >= 0) return cell;
    const free = this.freevars.indexOf(name);
    if (free >= 0) return this.cellvars.length + free;
    throw new Error(`compiler: ${name} is neither a cell nor a free variable of ${this.name}`);
  }
}

export class CompilerState {
  /** Saved enclosing units, outermost first; `u` is the one being compiled. */
  readonly units: CompilerUnit[] = [];
  u!: CompilerUnit;
  /** Future flags inherited by every code object (CO_FUTURE_*). */
  futureFlags = 0;
  futureAnnotations = false;
  nestLevel = 0;
  /** compile(..., 'single'): expression statements at module level end in PRINT_EXPR. */
  interactive = false;
  /** SyntaxWarnings raised so far (compileWarnings.ts), in CPython's order. */
  readonly warnings: CompileWarning[] = [];

  constructor(readonly table: SymbolTable, readonly filename: string) {}

  enterScope(scope: Scope, kind: ScopeKind, name: string, lineno: number): void {
    const privateName = this.u ? this.u.private : null;
    const unit = new CompilerUnit(scope, kind, name, lineno, privateName);
    if (this.u) this.units.push(this.u);
    this.u = unit;
    this.nestLevel++;
    if (kind === ScopeKind.Module) {
      this.u.loc = { ...this.u.loc, lineno: 0 };
    } else {
      this.setQualname();
    }
    this.emit(0x97 /* RESUME */, 0);
    if (kind === ScopeKind.Module) this.u.loc = { ...this.u.loc, lineno: -1 };
  }

  exitScope(): void {
    this.nestLevel--;
    const parent = this.units.pop()!;
    this.u = parent;
  }

  /** The unit that encloses the current one, unless that is the module (CPython: c_stack size > 1). */
  parentUnit(): CompilerUnit | null {
    return this.units.length > 1 ? this.units[this.units.length - 1] : null;
  }

  private setQualname(): void {
    const u = this.u;
    const parent = this.parentUnit();
    let base: string | null = null;
    if (parent) {
      let forceGlobal = false;
      if (u.kind === ScopeKind.Function || u.kind === ScopeKind.AsyncFunction || u.kind === ScopeKind.Class) {
        const mangled = mangle(parent.private, u.name);
        if (parent.scope.scopeOf(mangled) === 2 /* GLOBAL_EXPLICIT */) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.kind === ScopeKind.Function || parent.kind === ScopeKind.AsyncFunction || parent.kind === ScopeKind.Lambda) {
          base = parent.qualname + '.<locals>';
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? `${base}.${u.name}` : u.name;
  }

  // ------------------------------------------------------------ emitting

  emit(code: number, arg = 0): Instr {
    const instr: Instr = { op: code, arg, target: null, loc: this.u.loc };
    this.u.current.instrs.push(instr);
    return instr;
  }

  emitJump(code: number, target: Block): Instr {
    const instr: Instr = { op: code, arg: 0, target, loc: this.u.loc };
    this.u.current.instrs.push(instr);
    return instr;
  }

  emitConst(value: CodeConstant): void {
    this.emit(100 /* LOAD_CONST */, this.u.addConst(value));
  }

  emitName(code: number, name: string): void {
    this.emit(code, this.u.addName(mangle(this.u.private, name)));
  }

  /** Start emitting into `block`, which follows the current block in layout order. */
  useNext(block: Block): void {
    this.u.current.next = block;
    this.u.current = block;
  }

  /** A fresh block after the current one (compiler_use_new_block / NEXT_BLOCK). */
  nextBlock(): Block {
    const b = this.u.newBlock();
    this.useNext(b);
    return b;
  }

  setLoc(node: Located): void {
    this.u.loc = { lineno: node.lineno, end_lineno: node.end_lineno, col_offset: node.col_offset, end_col_offset: node.end_col_offset };
  }

  unsetLoc(): void {
    this.u.loc = NO_LOC;
  }

  pushFBlock(type: FBlock, block: Block, exit: Block | null, datum: unknown = null): void {
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFBlock(): void {
    this.u.fblocks.pop();
  }

  mangle(name: string): string {
    return mangle(this.u.private, name);
  }

  scopeFor(node: AstNode): Scope {
    const scope = this.table.scopeFor(node);
    if (!scope) throw new Error(`compiler: no symbol table scope for ${node.nodeType}`);
    return scope;
  }
}

export function isConstantValue(value: unknown): value is ConstantValue {
  return value === null || ['boolean', 'bigint', 'number', 'string', 'symbol'].includes(typeof value) || value instanceof BytesValue || value instanceof ComplexValue;
}
