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
