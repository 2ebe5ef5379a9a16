// CPython 3.11's exception table (Objects/exception_handling_notes.txt): a list of
// (start, end, target, depth, lasti) ranges in code units, each number written as a big-endian
// sequence of 6-bit chunks with bit 6 as "more follows" and bit 7 marking the first number of
// an entry. The assembler encodes it; dis and the VM's unwinder decode it.

export interface ExceptionTableEntry {
  /** Byte offsets (2 × code unit index), as dis reports them. */
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

const CONTINUATION = 64;
const ENTRY_START = 128;

export class ExceptionTableWriter {
  private readonly bytes: number[] = [];

  private item(value: number, msb: number): void {
    for (const shift of [24, 18, 12, 6]) {
      if (value >= 1 << shift) {
        this.bytes.push(((value >> shift) & 0x3f) | CONTINUATION | msb);
        msb = 0;
      }
    }
    this.bytes.push((value & 0x3f) | msb);
  }

  /** Add one range; positions in code units. */
  add(startUnit: number, endUnit: number, targetUnit: number, depth: number, lasti: boolean): void {
    this.item(startUnit, ENTRY_START);
    this.item(endUnit - startUnit, 0);
    this.item(targetUnit, 0);
    this.item((depth << 1) | (lasti ? 1 : 0), 0);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function decodeExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const entries: ExceptionTableEntry[] = [];
  let pos = 0;
  const varint = () => {
    let b = table[pos++];
    let value = b & 63;
    while (b & CONTINUATION) {
      value <<= 6;
      b = table[pos++];
      value |= b & 63;
    }
    return value;
  };
  while (pos < table.length) {
    const start = varint() * 2;
    const end = start + varint() * 2;
    const target = varint() * 2;
    const dl = varint();
    entries.push({ start, end, target, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return entries;
}
