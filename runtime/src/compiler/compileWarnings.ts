// The SyntaxWarnings CPython 3.11's compiler raises (Python/compile.c compiler_warn): `is` with a
// literal (check_compare), calling a literal (check_caller), subscripting a literal or indexing a
// literal sequence with a literal of the wrong type (check_subscripter / check_index), and
// asserting a non-empty tuple (compiler_assert). They only look at the (constant-folded) AST, so
// they never change the bytecode; they are collected on the CompilerState, in compilation order,
// and the module's code object carries them to whoever runs or compile()s it.

import type * as ast from '../syntax/ast';
import type { AstExpr } from '../syntax/ast';
import { BytesValue, ComplexValue } from '../syntax/constants';
import { ConstFrozenset, ConstTuple, type CodeConstant } from './codeObject';

export interface CompileWarning {
  category: 'SyntaxWarning';
  message: string;
  lineno: number;
}

interface WarningSink {
  readonly warnings: CompileWarning[];
}

function warn(c: WarningSink, message: string, lineno: number): void {
  c.warnings.push({ category: 'SyntaxWarning', message, lineno });
}

/** The Python type name of a constant the compiler holds (Py_TYPE(value)->tp_name). */
function constantTypeName(value: CodeConstant): string {
  if (value === null) return 'NoneType';
  switch (typeof value) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'str';
    case 'symbol': return 'ellipsis';
  }
  if (value instanceof ConstTuple) return 'tuple';
  if (value instanceof ConstFrozenset) return 'frozenset';
  if (value instanceof BytesValue) return 'bytes';
  if (value instanceof ComplexValue) return 'complex';
  return 'code';
}

/** infer_type: the type an expression surely has, or null. */
function inferType(e: AstExpr): string | null {
  switch (e.nodeType) {
    case 'Tuple': return 'tuple';
    case 'List': case 'ListComp': return 'list';
    case 'Dict': case 'DictComp': return 'dict';
    case 'Set': case 'SetComp': return 'set';
    case 'GeneratorExp': return 'generator';
    case 'Lambda': return 'function';
    case 'JoinedStr': case 'FormattedValue': return 'str';
    case 'Constant': return constantTypeName(e.value as CodeConstant);
    default: return null;
  }
}

/** check_is_arg: anything but a literal other than None, True, False and Ellipsis. */
function isArgFine(e: AstExpr): boolean {
  if (e.nodeType !== 'Constant') return true;
  const v = e.value as CodeConstant;
  return v === null || typeof v === 'boolean' || typeof v === 'symbol';
}

/** check_compare: the first `is` / `is not` with a literal operand. */
export function checkCompare(c: WarningSink, e: ast.Compare): void {
  let left = isArgFine(e.left);
  for (let i = 0; i < e.ops.length; i++) {
    const kind = e.ops[i].nodeType;
    const right = isArgFine(e.comparators[i]);
    if ((kind === 'Is' || kind === 'IsNot') && (!left || !right)) {
      warn(c, kind === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?', e.lineno);
      return;
    }
    left = right;
  }
}

const NOT_CALLABLE = new Set(['Constant', 'Tuple', 'List', 'ListComp', 'Dict', 'DictComp', 'Set', 'SetComp',
  'GeneratorExp', 'JoinedStr', 'FormattedValue']);

/** check_caller: calling a literal or a display. */
export function checkCaller(c: WarningSink, call: ast.Call): void {
  if (!NOT_CALLABLE.has(call.func.nodeType)) return;
  warn(c, `'${inferType(call.func)}' object is not callable; perhaps you missed a comma?`, call.lineno);
}

/** check_subscripter and check_index, for a subscript that loads. */
export function checkSubscript(c: WarningSink, e: ast.Subscript): void {
  const value = e.value;
  let unsubscriptable = false;
  switch (value.nodeType) {
    case 'Constant': {
      const v = value.value as CodeConstant;
      unsubscriptable = v === null || typeof v === 'symbol' || typeof v === 'bigint' || typeof v === 'boolean' ||
        typeof v === 'number' || v instanceof ComplexValue || v instanceof ConstFrozenset;
      break;
    }
    case 'Set': case 'SetComp': case 'GeneratorExp': case 'Lambda':
      unsubscriptable = true;
  }
  if (unsubscriptable) {
    warn(c, `'${inferType(value)}' object is not subscriptable; perhaps you missed a comma?`, e.lineno);
    return;
  }
  const indexType = inferType(e.slice);
  if (indexType === null || indexType === 'int' || indexType === 'bool') return;
  switch (value.nodeType) {
    case 'Constant': {
      const v = value.value as CodeConstant;
      if (!(typeof v === 'string' || v instanceof BytesValue || v instanceof ConstTuple)) return;
      break;
    }
    case 'Tuple': case 'List': case 'ListComp': case 'JoinedStr': case 'FormattedValue':
      break;
    default:
      return;
  }
  warn(c, `${inferType(value)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`, e.lineno);
}

/** compiler_assert: a non-empty tuple (a display or, once folded, a constant) is always true. */
export function checkAssert(c: WarningSink, s: ast.Assert): void {
  const t = s.test;
  const nonEmptyTuple = (t.nodeType === 'Tuple' && t.elts.length > 0) ||
    (t.nodeType === 'Constant' && t.value instanceof ConstTuple && (t.value as ConstTuple).items.length > 0);
  if (nonEmptyTuple) warn(c, 'assertion is always true, perhaps remove parentheses?', s.lineno);
}
