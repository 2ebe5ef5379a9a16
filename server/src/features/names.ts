// The pyxray/names request: every name occurrence with its block and resolution, for clients
// that draw their own scope views, and for tests that check the server against CPython's
// symbol tables name by name.

import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import type { NameOccurrence } from '../analysis/nameIndex';
import { nameInstruction } from '../analysis/resolution';
import type { NameInfo } from '../protocol';
import { rangeOf } from './positions';

export function nameInfos(analysis: DocumentAnalysis): NameInfo[] | null {
  const names = analysis.names;
  if (!names) return null;
  return names.occurrences.map((o) => ({
    name: o.name,
    symbol: o.symbolName,
    range: rangeOf(analysis.lines, o.line, o.startByte, o.line, o.endByte),
    role: o.role,
    block: { type: o.scope.type === 'annotation' ? 'function' : o.scope.type, name: o.scope.name, line: o.scope.lineno },
    resolution: o.resolution.kind,
    instructions: instructionsOf(o),
  }));
}

function instructionsOf(o: NameOccurrence): string[] {
  switch (o.role) {
    case 'parameter':
    case 'declaration':
      return [];
    case 'read':
      return [nameInstruction(o.scope, o.symbol, 'load')];
    case 'augmented':
      return [nameInstruction(o.scope, o.symbol, 'load'), nameInstruction(o.scope, o.symbol, 'store')];
    case 'delete':
      return [nameInstruction(o.scope, o.symbol, 'delete')];
    case 'handler':
      return [nameInstruction(o.scope, o.symbol, 'store'), nameInstruction(o.scope, o.symbol, 'delete')];
    default:
      return [nameInstruction(o.scope, o.symbol, 'store')];
  }
}
