// Source text of an annotation under `from __future__ import annotations` (CPython's
// _PyAST_ExprAsUnicode, Python/ast_unparse.c): the compiler stores annotations as strings.
// Covers the expression forms annotations use; precedence follows ast_unparse.c.

import type { AstExpr } from '../syntax/ast';
import { ELLIPSIS, reprConstant } from '../syntax/constants';
import type { ConstantValue } from '../syntax/constants';

const BINOP_TEXT: Record<string, [string, number]> = {
  BitOr: ['|', 4], BitXor: ['^', 5], BitAnd: ['&', 6], LShift: ['<<', 7], RShift: ['>>', 7], Add: ['+', 8], Sub: ['-', 8],
  Mult: ['*', 9], MatMult: ['@', 9], Div: ['/', 9], Mod: ['%', 9], FloorDiv: ['//', 9], Pow: ['**', 11],
};

export function annotationText(e: AstExpr, level = 0): string {
  switch (e.nodeType) {
    case 'Name': return e.id;
    case 'Constant': return e.value === ELLIPSIS ? '...' : reprConstant(e.value as ConstantValue);
    case 'Attribute': return `${annotationText(e.value, 13)}.${e.attr}`;
    case 'Subscript': {
      const slice = e.slice.nodeType === 'Tuple' && e.slice.elts.length
        ? e.slice.elts.map((x) => annotationText(x)).join(', ') + (e.slice.elts.length === 1 ? ',' : '')
        : annotationText(e.slice);
      return `${annotationText(e.value, 13)}[${slice}]`;
    }
    case 'BinOp': {
      const [text, prec] = BINOP_TEXT[e.op.nodeType];
      const body = `${annotationText(e.left, prec)} ${text} ${annotationText(e.right, prec + 1)}`;
      return level > prec ? `(${body})` : body;
    }
    case 'Tuple': {
      const body = e.elts.map((x) => annotationText(x)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return `(${body})`;
    }
    case 'List': return `[${e.elts.map((x) => annotationText(x)).join(', ')}]`;
    case 'Call': {
      const args = [...e.args.map((x) => annotationText(x)), ...e.keywords.map((k) => (k.arg ? `${k.arg}=` : '**') + annotationText(k.value))];
      return `${annotationText(e.func, 13)}(${args.join(', ')})`;
    }
    case 'Starred': return `*${annotationText(e.value, 13)}`;
    default: return '...';
  }
}
