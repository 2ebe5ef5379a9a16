// CPython reports AST columns in UTF-8 bytes and SyntaxError offsets in code points, while an
// editor counts UTF-16 code units. A LineMap holds the source lines once and converts between
// the three without re-scanning the file, so every tool can keep CPython's numbers in the tree
// and translate only at its edge.

export class LineMap {
  private readonly lines: string[];

  constructor(source: string) {
    this.lines = source.split(/\r\n|\r|\n/);
  }

  /** Line text without its newline; `lineno` is 1-based. */
  line(lineno: number): string {
    return this.lines[lineno - 1] ?? '';
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** UTF-8 byte column → UTF-16 column on the same line (clamped to the line's end). */
  utf16Column(lineno: number, byteColumn: number): number {
    return utf8ToUtf16Column(this.line(lineno), byteColumn);
  }

  /** UTF-16 column → UTF-8 byte column. */
  byteColumn(lineno: number, utf16Column: number): number {
    return utf16ToUtf8Column(this.line(lineno), utf16Column);
  }
}

export function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function utf8ToUtf16Column(text: string, byteColumn: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteColumn) {
    const cp = text.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

export function utf16ToUtf8Column(text: string, utf16Column: number): number {
  let bytes = 0;
  for (let i = 0; i < utf16Column && i < text.length; ) {
    const cp = text.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return bytes;
}

/** UTF-8 byte column → code-point column (what SyntaxError.offset counts, 0-based here). */
export function utf8ToCodePointColumn(text: string, byteColumn: number): number {
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < text.length && bytes < byteColumn; count++) {
    const cp = text.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return count;
}
