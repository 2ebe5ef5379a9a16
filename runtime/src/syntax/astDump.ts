// ast.dump(tree, indent=1, include_attributes=...) of CPython 3.11, reproduced exactly: the same
// field order, the same omission of None-valued optional fields, the same rule that a node whose
// parts are all simple and which has at most three of them stays on one line.

import { AstNode, LOCATED_NODES, NODE_FIELDS, OPTIONAL_FIELDS, NodeType } from './ast';
import { ConstantValue, reprConstant } from './constants';
import { reprStr } from '../text/repr';

const LOCATION_ATTRIBUTES = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'] as const;

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && 'nodeType' in value;
}

export function dumpAst(tree: AstNode, options: { includeAttributes?: boolean; indent?: string } = {}): string {
  const indent = options.indent ?? ' ';
  const includeAttributes = options.includeAttributes ?? false;

  function format(value: unknown, level: number, isConstantValue: boolean): [string, boolean] {
    level += 1;
    const prefix = '\n' + indent.repeat(level);
    const sep = ',\n' + indent.repeat(level);
    if (isNode(value)) {
      const type: NodeType = value.nodeType;
      const record = value as unknown as Record<string, unknown>;
      const optional = OPTIONAL_FIELDS[type] ?? [];
      const args: string[] = [];
      let allSimple = true;
      for (const name of NODE_FIELDS[type]) {
        const field = record[name];
        if (field === null && optional.includes(name)) continue;
        const [text, simple] = format(field, level, type === 'Constant' && name === 'value' || type === 'MatchSingleton');
        allSimple &&= simple;
        args.push(`${name}=${text}`);
      }
      if (includeAttributes && LOCATED_NODES.has(type)) {
        for (const name of LOCATION_ATTRIBUTES) {
          const field = record[name];
          if (field === null || field === undefined) continue;
          args.push(`${name}=${String(field)}`);
        }
      }
      if (allSimple && args.length <= 3) return [`${type}(${args.join(', ')})`, args.length === 0];
      return [`${type}(${prefix}${args.join(sep)})`, false];
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ['[]', true];
      return [`[${prefix}${value.map((item) => format(item, level, false)[0]).join(sep)}]`, false];
    }
    if (isConstantValue || value === null) return [reprConstant(value as ConstantValue), true];
    if (typeof value === 'string') return [reprStr(value), true];
    return [String(value), true];
  }

  return format(tree, 0, false)[0];
}
