// CPython 3.11's location table (Objects/locations.md): encoding for the assembler, decoding for
// dis, tracebacks and the debugger. One entry covers 1–8 code units and gives (line, end line,
// column, end column); columns are UTF-8 byte offsets; -1 / null mean "unknown".
// Invariant: encode(decode(x)) round-trips for everything CPython's assembler emits, because the
// entry kind is chosen by the same rules (short form, one-line form, no-column form, long form).

/** A source position of one instruction, as co_positions() yields it (null = unknown). */
export interface Position {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

// Entry kinds 0-9 are the short form: the kind is column // 8.
const CODE_ONE_LINE0 = 10;
const CODE_NO_COLUMNS = 13;
const CODE_LONG = 14;
const CODE_NONE = 15;

// ---------------------------------------------------------------- encoding

export class LineTableWriter {
  private readonly bytes: number[] = [];
  private prevLine: number;

  constructor(firstLineno: number) {
    this.prevLine = firstLineno;
  }

  private varint(value: number): void {
    while (value >= 64) {
      this.bytes.push(0x40 | (value & 0x3f));
      value >>>= 6;
    }
    this.bytes.push(value);
  }

  private svarint(value: number): void {
    this.varint(value < 0 ? ((-value) << 1) | 1 : value << 1);
  }

  private header(code: number, length: number): void {
    this.bytes.push(0x80 | (code << 3) | (length - 1));
  }

  /** Add one location for `size` code units (any size; split into entries of at most 8). */
  add(size: number, lineno: number, endLineno: number, col: number, endCol: number): void {
    while (size > 8) {
      this.addEntry(8, lineno, endLineno, col, endCol);
      size -= 8;
    }
    if (size > 0) this.addEntry(size, lineno, endLineno, col, endCol);
  }

  private addEntry(length: number, line: number, endLine: number, col: number, endCol: number): void {
    if (line < 0) {
      this.header(CODE_NONE, length);
      return;
    }
    const lineDelta = line - this.prevLine;
    const columnUnknown = col < 0 || endCol < 0;
    if (columnUnknown) {
      if (endLine === line || endLine === -1) {
        this.header(CODE_NO_COLUMNS, length);
        this.svarint(lineDelta);
        this.prevLine = line;
        return;
      }
    } else if (endLine === line) {
      if (lineDelta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        const column = col;
        this.header(column >> 3, length);
        this.bytes.push(((column & 7) << 4) | (endCol - col));
        this.prevLine = line;
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
        this.header(CODE_ONE_LINE0 + lineDelta, length);
        this.bytes.push(col, endCol);
        this.prevLine = line;
        return;
      }
    }
    this.header(CODE_LONG, length);
    this.svarint(lineDelta);
    this.varint(endLine - line);
    this.varint(col + 1);
    this.varint(endCol + 1);
    this.prevLine = line;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

// ---------------------------------------------------------------- decoding

/** One decoded entry: code units [start, end) (byte offsets) and their location. */
export interface LineTableEntry extends Position {
  start: number;
  end: number;
}

export function decodeLineTable(table: Uint8Array, firstLineno: number): LineTableEntry[] {
  const entries: LineTableEntry[] = [];
  let pos = 0;
  let line = firstLineno;
  let offset = 0;
  const readVarint = () => {
    let read = table[pos++];
    let value = read & 63;
    let shift = 0;
    while (read & 64) {
      read = table[pos++];
      shift += 6;
      value |= (read & 63) << shift;
    }
    return value;
  };
  const readSvarint = () => {
    const raw = readVarint();
    return raw & 1 ? -(raw >> 1) : raw >> 1;
  };
  while (pos < table.length) {
    const first = table[pos++];
    const code = (first >> 3) & 15;
    const length = (first & 7) + 1;
    const start = offset;
    offset += length * 2;
    let entry: Position;
    if (code === CODE_NONE) {
      entry = { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };
    } else if (code === CODE_LONG) {
      line += readSvarint();
      const endLine = line + readVarint();
      const col = readVarint() - 1;
      const endCol = readVarint() - 1;
      entry = { lineno: line, end_lineno: endLine, col_offset: col < 0 ? null : col, end_col_offset: endCol < 0 ? null : endCol };
    } else if (code === CODE_NO_COLUMNS) {
      line += readSvarint();
      entry = { lineno: line, end_lineno: line, col_offset: null, end_col_offset: null };
    } else if (code >= CODE_ONE_LINE0) {
      line += code - CODE_ONE_LINE0;
      const col = table[pos++];
      const endCol = table[pos++];
      entry = { lineno: line, end_lineno: line, col_offset: col, end_col_offset: endCol };
    } else {
      const second = table[pos++];
      const col = (code << 3) | ((second >> 4) & 7);
      entry = { lineno: line, end_lineno: line, col_offset: col, end_col_offset: col + (second & 15) };
    }
    entries.push({ start, end: offset, ...entry });
  }
  return entries;
}

/** co_positions(): one Position per code unit (CACHE units included). */
export function codePositions(table: Uint8Array, firstLineno: number, codeUnits: number): Position[] {
  const out: Position[] = [];
  for (const e of decodeLineTable(table, firstLineno)) {
    for (let i = e.start; i < e.end; i += 2) out.push(e);
  }
  while (out.length < codeUnits) out.push({ lineno: null, end_lineno: null, col_offset: null, end_col_offset: null });
  return out;
}

/** dis.findlinestarts: byte offset → line number where a new source line starts. */
export function lineStarts(table: Uint8Array, firstLineno: number): Map<number, number> {
  const starts = new Map<number, number>();
  let last: number | null = null;
  for (const e of decodeLineTable(table, firstLineno)) {
    if (e.start === e.end) continue;
    if (e.lineno !== null && e.lineno !== last) {
      last = e.lineno;
      starts.set(e.start, e.lineno);
    }
  }
  return starts;
}
