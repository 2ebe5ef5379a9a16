// `pyxray`: the runtime from a terminal. Each subcommand prints what the matching CPython tool
// prints for the same file, so its output can be compared with python3's directly.

import * as fs from 'node:fs';
import { astDumpText, symtableDumpText, disDumpText, normalizeNewlines, PyLimitError, ParserMemoryError } from '../src/index';

const USAGE = `usage: pyxray <command> FILE [options]

commands:
  ast FILE [--positions]   the AST, as ast.dump(tree, indent=1[, include_attributes=True])
  symtable FILE            every scope and how each name resolves (local, global, free, cell, ...)
  dis FILE                 every code object: header fields and CPython 3.11 bytecode
`;

function readSource(file: string): string {
  return normalizeNewlines(fs.readFileSync(file, 'utf8'));
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const files = rest.filter((a) => !a.startsWith('--'));
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  if (!command || command === '--help' || command === '-h' || files.length !== 1) {
    process.stderr.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const file = files[0];
  let source: string;
  try {
    source = readSource(file);
  } catch (error) {
    process.stderr.write(`pyxray: can't open file '${file}': ${(error as Error).message}\n`);
    return 2;
  }
  switch (command) {
    case 'ast':
      process.stdout.write(astDumpText(source, file, flags.has('--positions')));
      return 0;
    case 'symtable':
      process.stdout.write(symtableDumpText(source, file));
      return 0;
    case 'dis':
      process.stdout.write(disDumpText(source, file));
      return 0;
    default:
      process.stderr.write(`pyxray: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

/** Input too deep for CPython is a MemoryError or RecursionError there, not a SyntaxError: say so the same way. */
function reportLimit(error: unknown): number {
  if (error instanceof PyLimitError) process.stderr.write(`${error.pythonType}: ${error.message}\n`);
  else if (error instanceof ParserMemoryError) process.stderr.write('MemoryError\n');
  else throw error;
  return 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportLimit(error);
}
