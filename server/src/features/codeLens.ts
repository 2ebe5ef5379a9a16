// Code lenses "show bytecode" and "show scopes" above the module and above every def and class.
// They only carry the target; the client runs the command, which asks the server for the text
// with the pyxray/bytecode and pyxray/scopes requests (see ../protocol.ts).

import type { CodeLens } from 'vscode-languageserver';
import { allDefinitions } from '../analysis/definitions';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { SHOW_BYTECODE_COMMAND, SHOW_SCOPES_COMMAND, type ShowTargetArguments } from '../protocol';

export function codeLenses(analysis: DocumentAnalysis): CodeLens[] {
  const lenses: CodeLens[] = [];
  const add = (line: number, args: ShowTargetArguments) => {
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    lenses.push({ range, command: { title: 'show bytecode', command: SHOW_BYTECODE_COMMAND, arguments: [args] } });
    lenses.push({ range, command: { title: 'show scopes', command: SHOW_SCOPES_COMMAND, arguments: [args] } });
  };
  add(0, { uri: analysis.uri });
  for (const definition of allDefinitions(analysis.definitions)) {
    if (definition.kind !== 'function' && definition.kind !== 'class') continue;
    // Above the first decorator, where the statement starts for the reader.
    add(definition.firstLineno - 1, { uri: analysis.uri, target: { qualname: definition.qualname, line: definition.line } });
  }
  return lenses;
}
