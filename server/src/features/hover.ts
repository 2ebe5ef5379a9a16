// Hover: for a name, where CPython finds it (its scope and binding site) and the instruction the
// compiler emits for this use; for a class, its MRO with the C3 merge steps; for a def, its code
// object summary (from the compiled code when the compiler is available, from the symbol table
// otherwise).

import type { Hover, Position } from 'vscode-languageserver';
import { prettyFlags } from '../analysis/runtimeApi';
import type { ClassDef, Scope } from '../analysis/runtimeApi';
import { allDefinitions, type Definition } from '../analysis/definitions';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { scopeOfBlock } from '../analysis/frontEnd';
import type { NameIndex, NameOccurrence } from '../analysis/nameIndex';
import { nameInstruction } from '../analysis/resolution';
import { findCode } from './listings';
import { rangeOf, toCPython } from './positions';

export function hover(analysis: DocumentAnalysis, position: Position): Hover | null {
  const names = analysis.names;
  if (!names) return null;
  const at = toCPython(analysis.lines, position);
  const occurrence = names.at(at.line, at.byte);
  if (!occurrence) return null;
  const sections = [describeName(occurrence, names), instructionText(occurrence)];
  if (occurrence.role === 'class' && occurrence.node.nodeType === 'ClassDef') sections.push(mroText(analysis, occurrence.node));
  if (occurrence.role === 'function') {
    const definition = definitionOf(analysis, occurrence);
    if (definition) sections.push(codeSummary(analysis, definition));
  }
  return {
    contents: { kind: 'markdown', value: sections.filter((s) => s.length > 0).join('\n\n') },
    range: rangeOf(analysis.lines, occurrence.line, occurrence.startByte, occurrence.line, occurrence.endByte),
  };
}

/** The block as a person names it: `make_counter`, `class C`, `<module>`, `<lambda>`. */
export function blockLabel(scope: Scope): string {
  if (scope.type === 'module') return 'the module';
  if (scope.type === 'class') return `class ${scope.name}`;
  if (scope.isLambda) return '<lambda>';
  if (scope.comprehension) return `<${scope.name}>`;
  return scope.name;
}

/** "count — free in inc, cell of make_counter (line 2)" and its relatives. */
export function describeName(o: NameOccurrence, names: NameIndex): string {
  const bindings = names.bindingsOf(o);
  const site = bindings.length ? ` (line ${bindings[0].line})` : '';
  const here = blockLabel(o.scope);
  const owner = o.resolution.owner;
  let text: string;
  switch (o.resolution.kind) {
    case 'local':
      text = o.scope.type === 'class' ? `local to ${here}${site}: a class attribute, invisible to its methods` : `local in ${here}${site}`;
      break;
    case 'cell': {
      const capturedBy = capturingBlocks(o, names);
      text = `cell of ${here}${site}` + (capturedBy.length ? `, captured by ${capturedBy.join(', ')}` : '');
      break;
    }
    case 'free':
      text = owner ? `free in ${here}, ${owner.type === 'class' ? 'implicit cell' : 'cell'} of ${blockLabel(owner)}${site}` : `free in ${here}`;
      break;
    case 'global':
      text = o.scope.type === 'module' ? `global${site}` : `global in ${here}, bound at module level${site}`;
      break;
    case 'builtin':
      text = o.scope.type === 'module' ? 'builtin (not bound in this module)' : `builtin in ${here} (not bound in this module)`;
      break;
    case 'undefined':
      text = `global in ${here}, but never bound in this module or builtins: NameError when it runs`;
      break;
  }
  return `\`${o.name}\` — ${text}`;
}

/** The blocks that take a cell variable as a free variable. */
function capturingBlocks(o: NameOccurrence, names: NameIndex): string[] {
  const labels: string[] = [];
  for (const other of names.sameVariable(o)) {
    if (other.resolution.kind === 'free' && other.scope !== o.scope) {
      const label = blockLabel(other.scope);
      if (!labels.includes(label)) labels.push(label);
    }
  }
  return labels;
}

function instructionText(o: NameOccurrence): string {
  const load = () => nameInstruction(o.scope, o.symbol, 'load');
  const store = () => nameInstruction(o.scope, o.symbol, 'store');
  let text: string;
  switch (o.role) {
    case 'read':
      text = o.name === '__debug__' ? '`LOAD_CONST` (True: the compiler folds `__debug__`)' : `\`${load()}\``;
      break;
    case 'augmented':
      text = `\`${load()}\` then \`${store()}\``;
      break;
    case 'delete':
      text = `\`${nameInstruction(o.scope, o.symbol, 'delete')}\``;
      break;
    case 'parameter':
      text = o.resolution.kind === 'cell' ? 'bound by the call; `MAKE_CELL` moves it into a cell at function start' : 'bound by the call (a fast local slot)';
      break;
    case 'handler':
      text = `\`${store()}\`, and \`${nameInstruction(o.scope, o.symbol, 'delete')}\` when the handler ends`;
      break;
    case 'declaration':
      text = `this block uses \`${load()}\` / \`${store()}\` for it`;
      break;
    default:
      text = `\`${store()}\``;
  }
  if (o.resolution.kind === 'cell' && o.role !== 'declaration') text += '; inner functions receive the cell through `LOAD_CLOSURE`';
  return `CPython: ${text}`;
}

function mroText(analysis: DocumentAnalysis, node: ClassDef): string {
  const outcome = analysis.mro?.of(node);
  if (!outcome) return '';
  if (outcome.status === 'unknown') return `MRO: unknown here (${outcome.reason})`;
  const head = outcome.status === 'ok' ? `**MRO**: ${outcome.mro.map((e) => e.name).join(' → ')}` : `**TypeError**: ${outcome.message.replace(/\n/g, ' ')}`;
  return outcome.steps.length ? `${head}\n\n\`\`\`text\n${outcome.steps.join('\n')}\n\`\`\`` : head;
}

function definitionOf(analysis: DocumentAnalysis, o: NameOccurrence): Definition | undefined {
  for (const definition of allDefinitions(analysis.definitions)) if (definition.node === o.node) return definition;
  return undefined;
}

function codeSummary(analysis: DocumentAnalysis, definition: Definition): string {
  const code = analysis.code ? findCode(analysis.code, definition.qualname, definition.firstLineno) : null;
  const tuple = (items: readonly string[]) => `(${items.map((s) => `'${s}'`).join(', ')}${items.length === 1 ? ',' : ''})`;
  if (code) {
    return [
      '```text',
      `code ${code.co_qualname}`,
      `co_varnames  ${tuple(code.co_varnames)}`,
      `co_cellvars  ${tuple(code.co_cellvars)}`,
      `co_freevars  ${tuple(code.co_freevars)}`,
      `co_stacksize ${code.co_stacksize}`,
      `co_flags     ${prettyFlags(code.co_flags)}`,
      '```',
    ].join('\n');
  }
  const scope = analysis.symtable ? scopeOfBlock(analysis.symtable, definition.node) : undefined;
  if (!scope) return '';
  return [
    '```text',
    `code ${definition.qualname} (from the symbol table; the code object needs a program that compiles)`,
    `co_varnames  ${tuple(scope.fastLocals().filter((n) => scope.parameterNames.includes(n) || !scope.cellvars().includes(n)))}`,
    `co_cellvars  ${tuple(scope.cellvars())}`,
    `co_freevars  ${tuple(scope.freevars())}`,
    '```',
  ].join('\n');
}
