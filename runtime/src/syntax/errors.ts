// The front end's one error type. CPython raises SyntaxError and its subclasses IndentationError
// and TabError with a message and a position; tools (the CLI, the language server, the VM's
// traceback printer) need exactly those, so this carries them without any Python object behind it.
// lineno/offset follow CPython's SyntaxError attributes: 1-based line, 1-based column counted in
// code points (CPython converts its byte offsets before raising), and the same for the end.

export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

export interface SyntaxErrorInfo {
  type: SyntaxErrorType;
  msg: string;
  lineno: number;
  offset: number;
  end_lineno: number;
  end_offset: number;
  /** The source line the error points into, as CPython stores it in SyntaxError.text. */
  text: string | null;
}

export class PySyntaxError extends Error {
  readonly info: SyntaxErrorInfo;
  constructor(info: SyntaxErrorInfo) {
    super(`${info.type}: ${info.msg} (line ${info.lineno}, column ${info.offset})`);
    this.info = info;
  }
}

/**
 * CPython's answers to input too deep to process that are not SyntaxErrors: the parser's stack
 * limit raises MemoryError, and symtable/compiler recursion raises
 * RecursionError("maximum recursion depth exceeded during compilation"). Tools report these like
 * syntax errors; nothing deep may ever surface as a JavaScript stack overflow.
 */
export class PyLimitError extends Error {
  constructor(readonly pythonType: 'MemoryError' | 'RecursionError', message: string) {
    super(message);
  }
}

/**
 * How deep symtable and the compiler may recurse into the tree before RecursionError: CPython 3.11
 * allows the recursion limit (1000) × COMPILER_STACK_FRAME_SCALE (3) visits, less the caller's own
 * depth; from a top-level compile that is 3000 (`1+` × 2999 compiles, × 3000 does not).
 */
export const COMPILER_RECURSION_LIMIT = 3000;

/**
 * The text views that mirror ../shared/oracle (ast, symtable, dis dumps) all end the same way on
 * bad input: compile() and ast.parse() refuse a str holding NUL before tokenizing, with no
 * position, and any SyntaxError prints as `SyntaxError: MSG (line L, column C)` whatever its
 * subclass. `produce` builds the dump; this gives it the oracles' error behaviour.
 */
export function oracleView(source: string, produce: () => string): string {
  if (source.includes('\0')) return 'SyntaxError: source code string cannot contain null bytes (line None, column None)\n';
  try {
    return produce();
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    const { msg, lineno, offset } = error.info;
    return `SyntaxError: ${msg} (line ${lineno}, column ${offset})\n`;
  }
}
