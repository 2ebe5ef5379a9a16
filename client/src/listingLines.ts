// Finding an instruction in a bytecode listing (dis_dump.py's format, as the server writes
// it): the `code <qualname> line <n>` header opens a code object's section, and each
// instruction line carries its offset before the opname. Pure, for the unit tests.

import type { InstructionFact } from './frameFacts';

const HEADER = /^code (\S+) line (\d+)$/;
const INSTRUCTION = /^\s*(?:\d+\s+)?(?:>>\s+)?(\d+) [A-Z]/;

/** The 0-based line of `offset` in `qualname`'s section of a listing, if the listing shows it. */
export function instructionLine(lines: readonly string[], fact: Pick<InstructionFact, 'qualname' | 'firstLine' | 'offset'>): number | undefined {
  let inSection = false;
  for (let index = 0; index < lines.length; index++) {
    const header = HEADER.exec(lines[index]);
    if (header) {
      inSection = header[1] === fact.qualname && Number(header[2]) === fact.firstLine;
      continue;
    }
    if (!inSection) continue;
    const instruction = INSTRUCTION.exec(lines[index]);
    if (instruction && Number(instruction[1]) === fact.offset) return index;
  }
  return undefined;
}
