// Traceback marker anchors (Python/traceback.c extract_anchors_from_line, 3.11): the failing
// expression's source segment is parsed; for a binary operation the operator is marked with ^
// and the operands with ~, for a subscript the brackets' contents are marked with ^.

import { parseModule } from '../syntax/parser';

export interface Anchors {
  leftEnd: number;
  rightStart: number;
  primary: string;
  secondary: string;
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\n' || c === '\r';
}

export function findAnchors(segment: string): Anchors | null {
  let mod;
  try {
    mod = parseModule(segment, '<string>');
  } catch {
    return null;
  }
  const body = (mod as unknown as { body: { nodeType: string; value?: unknown }[] }).body;
  if (body.length !== 1 || body[0].nodeType !== 'Expr') return null;
  const expr = body[0].value as { nodeType: string; [k: string]: unknown };
  const bytes = new TextEncoder().encode(segment);
  const toChar = (b: number) => new TextDecoder().decode(bytes.slice(0, b)).length;
  type Node = { col_offset: number; end_col_offset: number };
  if (expr.nodeType === 'BinOp') {
    const left = expr.left as Node, right = expr.right as Node;
    const str = segment;
    for (let i = toChar(left.end_col_offset); i < toChar(right.col_offset); i++) {
      if (isWs(str[i])) continue;
      let leftAnchor = i;
      let rightAnchor = i + 1;
      if (i + 1 < toChar(right.col_offset) && !isWs(str[i + 1])) rightAnchor++;
      if (i + 1 < toChar(right.col_offset) && str[i] === ')') continue;
      return { leftEnd: leftAnchor, rightStart: rightAnchor, primary: '~', secondary: '^' };
    }
    return null;
  }
  if (expr.nodeType === 'Subscript') {
    const value = expr.value as Node, slice = expr.slice as Node;
    let left = toChar(value.end_col_offset);
    let right = toChar(slice.end_col_offset) + 1;
    const len = segment.length;
    while (left < len && (isWs(segment[left]) || segment[left] !== '[')) left++;
    while (right < len && (isWs(segment[right]) || segment[right] !== ']')) right++;
    if (right < len) right++;
    return { leftEnd: left, rightStart: right, primary: '~', secondary: '^' };
  }
  return null;
}
