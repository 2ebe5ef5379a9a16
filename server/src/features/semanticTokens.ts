// Semantic tokens: every name coloured by what it is bound to (variable, parameter, function,
// class, module) and modified by how CPython resolves it here (local, global, builtin, free,
// cell), so a reader sees LEGB at a glance. The legend lives in ../protocol.ts.

import type { SemanticTokens } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { BUILTIN_CLASSES } from '../analysis/builtins.generated';
import { isBindingRole, type NameIndex, type NameOccurrence } from '../analysis/nameIndex';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../protocol';

type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
type TokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

const TYPE_INDEX = new Map(SEMANTIC_TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map(SEMANTIC_TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

export interface ClassifiedName {
  type: TokenType;
  modifiers: TokenModifier[];
}

export function classify(o: NameOccurrence, names: NameIndex): ClassifiedName {
  const bindings = names.bindingsOf(o);
  const roles = new Set(bindings.map((b) => b.role));
  let type: TokenType = 'variable';
  if (o.resolution.kind === 'builtin') type = BUILTIN_CLASSES[o.name] ? 'class' : 'function';
  else if (roles.has('class')) type = 'class';
  else if (roles.has('function')) type = 'function';
  else if (roles.has('import')) type = 'namespace';
  else if (roles.has('parameter')) type = 'parameter';
  const modifiers: TokenModifier[] = [o.resolution.kind === 'undefined' ? 'global' : o.resolution.kind];
  if (roles.has('parameter')) modifiers.push('parameter');
  if (isBindingRole(o.role)) modifiers.push('declaration');
  // Builtins that are constants or exceptions instances (True, None, Ellipsis, __debug__) are no functions.
  if (o.resolution.kind === 'builtin' && /^(True|False|None|Ellipsis|NotImplemented|__debug__|__\w+__)$/.test(o.name) && !BUILTIN_CLASSES[o.name]) type = 'variable';
  return { type, modifiers };
}

export function semanticTokens(analysis: DocumentAnalysis): SemanticTokens {
  const names = analysis.names;
  const data: number[] = [];
  if (!names) return { data };
  let previousLine = 0;
  let previousCharacter = 0;
  let previousEnd = 0;
  for (const o of names.occurrences) {
    const line = o.line - 1;
    const start = analysis.lines.utf16Column(o.line, o.startByte);
    const length = analysis.lines.utf16Column(o.line, o.endByte) - start;
    // Tokens must not overlap; two names never do, but a located-by-scan name could in odd text.
    if (length <= 0 || (line === previousLine && start < previousEnd)) continue;
    const { type, modifiers } = classify(o, names);
    let bits = 0;
    for (const m of modifiers) bits |= MODIFIER_BIT.get(m)!;
    data.push(line - previousLine, line === previousLine ? start - previousCharacter : start, length, TYPE_INDEX.get(type)!, bits);
    previousLine = line;
    previousCharacter = start;
    previousEnd = start + length;
  }
  return { data };
}
