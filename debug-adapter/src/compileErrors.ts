// What `python3 FILE` prints when FILE does not compile, so the Debug Console shows the same text:
// CPython 3.11's print_exception for a SyntaxError (Python/pythonrun.c print_error_text), and the
// MemoryError / RecursionError the front end raises for input nested too deeply.

import { PyLimitError, PySyntaxError, type SyntaxErrorInfo } from '../../runtime/src/index';

/** The stderr text for a compile-time failure, or null if `error` is not one. */
export function compileErrorText(error: unknown, filename: string): string | null {
  if (error instanceof PySyntaxError) return syntaxErrorText(error.info, filename);
  // The parser's MemoryError has no message: CPython then prints the type name alone.
  if (error instanceof PyLimitError) return error.message ? `${error.pythonType}: ${error.message}\n` : `${error.pythonType}\n`;
  return null;
}

export function syntaxErrorText(info: SyntaxErrorInfo, filename: string): string {
  let out = `  File "${filename}", line ${info.lineno}\n`;
  if (info.text !== null) {
    const offset = info.offset;
    let endOffset = info.end_offset;
    const lineSize = info.text.length;
    // A location spanning lines highlights to the end of the first one.
    if (info.end_lineno > info.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    // IndentationError and TabError always show one caret (observed in CPython 3.11).
    if (info.type !== 'SyntaxError') endOffset = -1;
    out += errorTextLines(offset, endOffset, info.text);
  }
  return out + `${info.type}: ${info.msg}\n`;
}

/** print_error_text: the source line without its indentation, then the carets under the error. */
function errorTextLines(offset: number, endOffset: number, textIn: string): string {
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  let text = textIn;
  offset--; // 1-based to 0-based
  while (text.length > 0 && (text[0] === ' ' || text[0] === '\t' || text[0] === '\f')) {
    text = text.slice(1);
    offset--;
  }
  let len = text.length;
  if (len > 0 && text[len - 1] === '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = text.indexOf('\n');
    if (nl < 0 || nl >= offset) break;
    text = text.slice(nl + 1);
    len -= nl + 1;
    offset -= nl + 1;
  }
  let out = '    ' + text;
  if (text[len] !== '\n') out += '\n';
  if (offset < 0) return out;
  return out + '    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n';
}
