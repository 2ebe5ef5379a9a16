// Instruction addresses and the disassemble request.
//
// An address names one instruction of one code object: the code object's base (a stable index in
// compile order, module first, each 1 MiB apart) plus the dis byte offset. So addresses sort by
// code object then offset, survive re-requests, and parse as numbers as VS Code's Disassembly view
// needs. Requests for instructions before the first or after the last instruction of a code
// object are padded with placeholders ('invalid' instructions), because the view asks for a fixed
// window around an address and expects exactly the count it asked for.

import type { DebugProtocol } from '@vscode/debugprotocol';
import { getInstructions, utf8ToUtf16Column, type CodeObject, type Instruction } from '../../runtime/src/index';
import { allCodeObjects } from '../../runtime/src/inspect/index';

const CODE_SPACING = 0x100000;

export class CodeAddresses {
  readonly codes: CodeObject[];
  private readonly index = new Map<CodeObject, number>();
  private readonly listings = new Map<CodeObject, Instruction[]>();

  constructor(module: CodeObject, private readonly sourceLines: string[]) {
    this.codes = allCodeObjects(module);
    this.codes.forEach((c, i) => this.index.set(c, i));
  }

  /**
   * A recompilation of the same module (a replay runs fresh code objects, so their constants are
   * allocated again as in the first run): its code objects get the same addresses as the originals.
   */
  alias(module: CodeObject): CodeObject[] {
    const copies = allCodeObjects(module);
    copies.forEach((c, i) => this.index.set(c, i));
    return copies;
  }

  /** The code object of the first compilation at the same place as `code`. */
  original(code: CodeObject): CodeObject {
    return this.codes[this.index.get(code)!] ?? code;
  }

  /** Is `code` one of the program's code objects (library modules' are not addressed)? */
  has(code: CodeObject): boolean {
    return this.index.has(code);
  }

  base(code: CodeObject): number {
    return (this.index.get(code)! + 1) * CODE_SPACING;
  }

  address(code: CodeObject, offset: number): string {
    return formatAddress(this.base(code) + offset);
  }

  /** The code object and byte offset an address names (offset may lie outside the code). */
  resolve(address: string): { code: CodeObject; offset: number } | null {
    const n = parseAddress(address);
    if (n === null) return null;
    const i = Math.floor(n / CODE_SPACING) - 1;
    const within = n - (i + 1) * CODE_SPACING;
    // Offsets past the middle of the gap belong to the next code object's negative side.
    const code = this.codes[within >= CODE_SPACING / 2 ? i + 1 : i];
    if (code === undefined) return null;
    return { code, offset: n - this.base(code) };
  }

  instructions(code: CodeObject): Instruction[] {
    let list = this.listings.get(code);
    if (list === undefined) {
      list = getInstructions(code);
      this.listings.set(code, list);
    }
    return list;
  }

  /** Every instruction of the program, code objects one after another (module first). */
  private allInstructions(): { code: CodeObject; ins: Instruction }[] {
    if (this.layout === null) {
      this.layout = [];
      for (const code of this.codes) for (const ins of this.instructions(code)) this.layout.push({ code, ins });
    }
    return this.layout;
  }
  private layout: { code: CodeObject; ins: Instruction }[] | null = null;

  /**
   * DAP disassemble: `instructionCount` instructions starting `instructionOffset` instructions
   * away from the instruction at (memoryReference + offset). The code objects read as one listing,
   * so scrolling past a function's end continues into the next code object; placeholders pad
   * before the module's first instruction and after the last code object's last one.
   */
  disassemble(args: DebugProtocol.DisassembleArguments, source: DebugProtocol.Source): DebugProtocol.DisassembledInstruction[] {
    const start = this.resolve(args.memoryReference);
    const count = Math.max(0, Math.floor(args.instructionCount));
    if (start === null) return [];
    const all = this.allInstructions();
    const anchor = this.globalIndex(start.code, start.offset + (args.offset ?? 0));
    const first = anchor + (args.instructionOffset ?? 0);
    const out: DebugProtocol.DisassembledInstruction[] = [];
    let lastCode: CodeObject | null = null;
    let lastLine: number | undefined;
    for (let k = first; k < first + count; k++) {
      if (k < 0 || k >= all.length) {
        out.push(this.placeholder(k, all));
        continue;
      }
      const { code, ins } = all[k];
      const entry = this.describe(code, ins, source, args.resolveSymbols === true);
      // Only the first instruction of a line repeats the location (the view groups by it).
      if (lastCode === code && entry.line !== undefined && entry.line === lastLine) delete entry.location;
      if (lastCode !== code) lastLine = undefined;
      lastCode = code;
      lastLine = entry.line ?? lastLine;
      out.push(entry);
    }
    return out;
  }

  /** Index in the whole listing of the instruction containing a byte offset of a code object (may lie outside). */
  private globalIndex(code: CodeObject, byteOffset: number): number {
    const all = this.allInstructions();
    const list = this.instructions(code);
    const firstOfCode = all.findIndex((e) => e.code === code);
    if (byteOffset < 0) return firstOfCode + Math.floor(byteOffset / 2);
    const end = code.co_code.length * 2;
    if (byteOffset >= end) return firstOfCode + list.length + Math.floor((byteOffset - end) / 2);
    let i = list.length - 1;
    while (i > 0 && list[i].offset > byteOffset) i--;
    return firstOfCode + i;
  }

  describe(code: CodeObject, ins: Instruction, source: DebugProtocol.Source, withSymbol: boolean): DebugProtocol.DisassembledInstruction {
    const p = ins.positions;
    const entry: DebugProtocol.DisassembledInstruction = {
      address: this.address(code, ins.offset),
      instructionBytes: this.bytesOf(code, ins),
      instruction: instructionText(ins),
    };
    if (withSymbol || ins.offset === 0) entry.symbol = code.co_qualname;
    if (p.lineno !== null && p.lineno > 0) {
      entry.location = source;
      entry.line = p.lineno;
      if (p.col_offset !== null) entry.column = this.column(p.lineno, p.col_offset) + 1;
      if (p.end_lineno !== null) entry.endLine = p.end_lineno;
      if (p.end_lineno !== null && p.end_col_offset !== null) entry.endColumn = this.column(p.end_lineno, p.end_col_offset) + 1;
    }
    return entry;
  }

  /** A UTF-8 byte column of a source line as a UTF-16 column (what editors count). */
  column(line: number, utf8Column: number): number {
    const text = this.sourceLines[line - 1];
    return text === undefined ? utf8Column : utf8ToUtf16Column(text, utf8Column);
  }

  private bytesOf(code: CodeObject, ins: Instruction): string {
    const list = this.instructions(code);
    const i = list.indexOf(ins);
    const end = i + 1 < list.length ? list[i + 1].offset : code.co_code.length * 2;
    const bytes: string[] = [];
    for (let unit = ins.offset / 2; unit < end / 2; unit++) {
      const word = code.co_code[unit];
      bytes.push(hex2(word & 255), hex2(word >> 8));
    }
    return bytes.join(' ');
  }

  /** An 'invalid' instruction k slots before the first or after the last real one, 2 bytes apart. */
  private placeholder(k: number, all: { code: CodeObject; ins: Instruction }[]): DebugProtocol.DisassembledInstruction {
    let address: number;
    if (k < 0) address = this.base(all[0].code) + 2 * k;
    else {
      const lastCode = all[all.length - 1].code;
      address = this.base(lastCode) + lastCode.co_code.length * 2 + 2 * (k - all.length);
    }
    return { address: formatAddress(Math.max(0, address)), instruction: '', presentationHint: 'invalid' };
  }
}

/** dis's text for one instruction, single-spaced: `LOAD_FAST 0 (x)`. */
export function instructionText(ins: Instruction): string {
  let text = ins.opname;
  if (ins.arg !== null) text += ` ${ins.arg}`;
  if (ins.argrepr) text += ` (${ins.argrepr})`;
  return text;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export function formatAddress(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0');
}

export function parseAddress(text: string): number | null {
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^\d+$/.test(text) ? parseInt(text, 10) : NaN;
  return Number.isFinite(n) ? n : null;
}
