// Language-server benchmark: after an edit in a generated 5,000-line file, how long until the
// server has answered inlay hints (for the edited screenful and for the whole file) and
// published the new version's diagnostics — PyXray's bundled server (dist/server.js) next to
// pyright's language server (npm package `pyright`) on the same file and the same edits, in the
// same run, both driven over stdio exactly as an editor drives them: the change notification
// and the hint request are sent back to back, and each answer is timed from the change.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, InlayHintRequest, type Range } from 'vscode-languageserver-protocol';
import { ServerSession } from '../lsp/support/serverSession';
import { generateSource } from './generateSource';
import { formatSeconds } from './timing';

const LINES = 5_000;
const EDITS = 7;

interface EditTimings {
  /** From sending the change to the answer of an inlay-hint request for the edited screenful. */
  screenHints: number;
  /** … to the answer for the whole file. */
  fileHints: number;
  /** … to the publication of the edited version's diagnostics. */
  diagnostics: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Edits a line inside a function near the middle of the file, then times the answers. */
async function timeEdits(session: ServerSession, uri: string, source: string, supportsHints: boolean): Promise<EditTimings[]> {
  const lines = source.split('\n');
  const target = lines.findIndex((line, index) => index > lines.length / 2 && line === '    result = []');
  const lineCount = lines.length;
  const timings: EditTimings[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const screen: Range = { start: { line: Math.max(0, target - 40), character: 0 }, end: { line: target + 40, character: 0 } };
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } };
    const text = edit % 2 === 0 ? '    result = [None] * 0\n' : '    result = []\n';
    const start = process.hrtime.bigint();
    const published = session.change(uri, [{ range: { start: { line: target, character: 0 }, end: { line: target + 1, character: 0 } }, text }]);
    const ask = (range: Range) =>
      supportsHints
        ? session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })
        : session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: target, character: 6 } });
    const screenAnswer = ask(screen).then(() => seconds(start));
    const fileAnswer = ask(whole).then(() => seconds(start));
    const diagnostics = published.then(() => seconds(start));
    const [screenHints, fileHints, diagnosticsTime] = await Promise.all([screenAnswer, fileAnswer, diagnostics]);
    timings.push({ screenHints, fileHints, diagnostics: diagnosticsTime });
  }
  return timings;
}

function report(name: string, timings: EditTimings[], what: string): void {
  console.log(`  ${name.padEnd(8)} ${what} for the screen ${formatSeconds(median(timings.map((t) => t.screenHints))).padStart(9)}` +
    `   for the file ${formatSeconds(median(timings.map((t) => t.fileHints))).padStart(9)}` +
    `   diagnostics ${formatSeconds(median(timings.map((t) => t.diagnostics))).padStart(9)}`);
}

export async function benchLanguageServer(): Promise<void> {
  const source = generateSource(LINES);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyxray-lsp-bench-'));
  const file = path.join(directory, 'bench.py');
  fs.writeFileSync(file, source);
  const uri = pathToFileURL(file).href;
  const lineCount = source.split('\n').length - 1;
  console.log(`language server: edit in a ${lineCount}-line file, median of ${EDITS} edits (time from the change notification)`);

  const ours = await ServerSession.start();
  let oursTimings: EditTimings[];
  try {
    await ours.open(uri, source);
    oursTimings = await timeEdits(ours, uri, source, true);
  } finally {
    await ours.stop();
  }
  report('pyxray', oursTimings, 'inlay hints');

  const pyright = path.resolve(process.cwd(), 'node_modules/pyright/langserver.index.js');
  if (!fs.existsSync(pyright)) {
    console.log('  pyright not installed (npm install): no comparison');
    return;
  }
  const theirs = await ServerSession.start({ command: [process.execPath, pyright, '--stdio'], rootUri: pathToFileURL(directory).href, settings: {} });
  try {
    const supportsHints = Boolean(theirs.initializeResult.capabilities.inlayHintProvider);
    await theirs.open(uri, source);
    const theirTimings = await timeEdits(theirs, uri, source, supportsHints);
    report('pyright', theirTimings, supportsHints ? 'inlay hints' : 'hover (pyright serves no inlay hints)');
    const ratio = median(oursTimings.map((t) => t.diagnostics)) / median(theirTimings.map((t) => t.diagnostics));
    console.log(`  ratio of diagnostics times (pyxray / pyright) ${ratio.toFixed(2)}x`);
    if (supportsHints) {
      console.log(`  ratio of screen hint times (pyxray / pyright) ${(median(oursTimings.map((t) => t.screenHints)) / median(theirTimings.map((t) => t.screenHints))).toFixed(2)}x`);
    }
  } finally {
    await theirs.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
