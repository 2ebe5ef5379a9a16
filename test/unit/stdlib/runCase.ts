// Runs one Python file through our compiler and VM in a MemoryHost and returns what a terminal
// would show (stdout and stderr interleaved). Shared by stdlib.test.ts and the dev command line:
//   npx tsx test/unit/stdlib/runCase.ts FILE.py
import * as fs from 'node:fs';
import { compileSource } from '../../../runtime/src/compiler/compile';
import { runProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';

export const CASE_PROGRAM_PATH = '/tmp/stdlib_case/case.py';

export function runCase(source: string): string {
  const host = new MemoryHost(CASE_PROGRAM_PATH, { [CASE_PROGRAM_PATH]: source });
  try {
    runProgram(compileSource(source, CASE_PROGRAM_PATH), host, { tickLimit: 50_000_000 });
  } catch (e) {
    return host.output + `\n<<JS crash: ${(e as Error).stack}>>`;
  }
  return host.output;
}

/** Drop traceback entries whose file is not the program (stdlib frames differ in detail). */
export function dropLibraryFrames(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {2}File "/.test(line) && !line.includes('"/tmp/stdlib_case/case.py"')) {
      // Skip the frame line and its indented source/caret lines.
      while (i + 1 < lines.length && /^ {4}/.test(lines[i + 1])) i++;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

if (require.main === module) {
  process.stdout.write(runCase(fs.readFileSync(process.argv[2], 'utf8')));
}
