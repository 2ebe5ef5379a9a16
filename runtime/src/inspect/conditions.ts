// Breakpoint conditions and watch expressions, evaluated without running the VM.
//
// Why not compile the expression and run it: running code allocates (moving the simulated heap,
// so the program's later id()s would differ) and touches refcounts, and the debugger never changes
// what it observes. So a condition is parsed with the one front end and evaluated here over a
// read-only view of the frame: names (locals, cells, globals, builtins), attributes found in an
// instance's __dict__, a module or a class (never a property or a method: those would run code),
// constants, comparisons, `and`/`or`/`not`, arithmetic on ints, floats and strs, subscripts of
// lists/tuples/dicts/strs, len(), and `is`/`in`. Anything else is refused, with a message.

import { parseModule } from '../syntax/parser';
import type { AstExpr } from '../syntax/ast';
import type { PyObject } from '../objects/pyobject';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PySet } from '../objects/set';
import { True, False } from '../objects/bool';
import { None } from '../objects/none';
import { PyType } from '../objects/typeobject';
import type { Frame } from '../vm/frame';
import { frameCells, frameLocals } from './frameView';
import { safeRepr } from './objectView';
import { reprStr } from '../text/repr';
import { floatRepr } from '../text/formatFloat';

export class ConditionError extends Error {}

/** A value while evaluating: Python scalars as JS values, anything else as the (borrowed) object. */
export type ConditionValue = bigint | number | string | boolean | null | PyObject;

export interface Condition {
  readonly text: string;
  /** The expression's value (a scalar, or the object itself). */
  evaluate(frame: Frame): ConditionValue;
  /** Python truthiness of the value. */
  test(frame: Frame): boolean;
}

const SUPPORTED = new Set(['Constant', 'Name', 'Compare', 'BoolOp', 'UnaryOp', 'BinOp', 'Subscript', 'Call', 'Attribute']);

export function parseCondition(text: string): Condition {
  let expr: AstExpr;
  try {
    const tree = parseModule(text.trim(), '<condition>');
    const stmt = tree.body[0];
    if (tree.body.length !== 1 || stmt.nodeType !== 'Expr') throw new ConditionError(`not an expression: ${text}`);
    expr = stmt.value;
  } catch (error) {
    if (error instanceof ConditionError) throw error;
    throw new ConditionError(`invalid expression: ${(error as Error).message}`);
  }
  check(expr);
  return {
    text,
    evaluate: (frame) => evaluate(expr, frame),
    test: (frame) => truthy(evaluate(expr, frame)),
  };
}

/** CPython's repr of a value the evaluator computed (a watch expression's result). */
export function reprConditionValue(v: ConditionValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return reprStr(v);
  return safeRepr(v);
}

function check(e: AstExpr): void {
  if (!SUPPORTED.has(e.nodeType)) throw new ConditionError(`the debugger evaluates names, attributes, constants, comparisons, and/or/not, arithmetic, subscripts and len() without running the program; '${e.nodeType}' is not supported`);
  switch (e.nodeType) {
    case 'Compare': check(e.left); e.comparators.forEach(check); break;
    case 'BoolOp': e.values.forEach(check); break;
    case 'UnaryOp': check(e.operand); break;
    case 'BinOp': check(e.left); check(e.right); break;
    case 'Subscript': check(e.value); check(e.slice); break;
    case 'Attribute': check(e.value); break;
    case 'Call':
      if (e.func.nodeType !== 'Name' || e.func.id !== 'len' || e.args.length !== 1 || e.keywords.length > 0) throw new ConditionError('the only call allowed in a condition is len(x)');
      check(e.args[0]);
      break;
    case 'Constant':
      if (typeof e.value === 'object' && e.value !== null) throw new ConditionError('only int, float, str, bool and None constants are supported');
      break;
  }
}

/** Python object → scalar where the debugger can compute with it. */
function unbox(o: PyObject): ConditionValue {
  if (o === None) return null;
  if (o === True) return true;
  if (o === False) return false;
  if (o instanceof PyInt) return typeof o.value === 'bigint' ? o.value : BigInt(o.value);
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyStr) return o.value;
  return o;
}

/**
 * `o.name` read from fields, as object.__getattribute__ would find it — an instance's __dict__, a
 * module's namespace, a class attribute along the MRO — but never running code: a property or
 * another data descriptor, and a method (which would need a new bound method object), are refused.
 */
function attribute(v: ConditionValue, name: string): ConditionValue {
  if (typeof v !== 'object' || v === null) throw new ConditionError(`the debugger reads attributes of objects, not of ${typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'string' ? 'str' : 'bool/None'} values`);
  const refuse = (what: string) => new ConditionError(`${name} is ${what}: reading it would run code, which the debugger never does`);
  if (v instanceof PyType) {
    const found = v.lookup(name);
    if (found === null) throw new ConditionError(`type object '${v.name}' has no attribute '${name}'`);
    if (found.ob_type.lookup('__get__') !== null && !isPlainFunction(found)) throw refuse(`a ${found.ob_type.name}`);
    return unbox(found);
  }
  const onType = v.ob_type.lookup(name);
  const isDataDescriptor = onType !== null && (onType.ob_type.lookup('__set__') !== null || onType.ob_type.lookup('__delete__') !== null);
  if (isDataDescriptor) throw refuse(`a ${onType!.ob_type.name}`);
  const own = v.dict !== null ? v.dict.getStr(name) : undefined;
  if (own !== undefined) return unbox(own);
  if (onType !== null) {
    if (onType.ob_type.lookup('__get__') !== null) throw refuse(isPlainFunction(onType) ? 'a method' : `a ${onType.ob_type.name}`);
    return unbox(onType);
  }
  throw new ConditionError(`'${v.ob_type.name}' object has no attribute '${name}'`);
}

function isPlainFunction(o: PyObject): boolean {
  return o.ob_type.name === 'function';
}

function lookup(name: string, frame: Frame): ConditionValue {
  for (const slot of frameLocals(frame)) if (slot.name === name && slot.value !== null) return unbox(slot.value);
  for (const slot of frameCells(frame)) if (slot.name === name && slot.value !== null) return unbox(slot.value);
  const g = frame.globals.getStr(name) ?? frame.builtins.getStr(name);
  if (g !== undefined) return unbox(g);
  throw new ConditionError(`name '${name}' is not defined`);
}

function evaluate(e: AstExpr, frame: Frame): ConditionValue {
  switch (e.nodeType) {
    case 'Constant': return e.value as ConditionValue;
    case 'Name': return lookup(e.id, frame);
    case 'BoolOp': {
      let v: ConditionValue = null;
      for (const part of e.values) {
        v = evaluate(part, frame);
        if (e.op.nodeType === 'And' ? !truthy(v) : truthy(v)) return v;
      }
      return v;
    }
    case 'UnaryOp': {
      const v = evaluate(e.operand, frame);
      if (e.op.nodeType === 'Not') return !truthy(v);
      const n = numeric(v);
      if (e.op.nodeType === 'USub') return typeof n === 'bigint' ? -n : -n;
      if (e.op.nodeType === 'UAdd') return n;
      if (typeof n === 'bigint') return ~n;
      throw new ConditionError("bad operand type for unary ~: 'float'");
    }
    case 'BinOp': return binary(e.op.nodeType, evaluate(e.left, frame), evaluate(e.right, frame));
    case 'Compare': {
      let left = evaluate(e.left, frame);
      for (let i = 0; i < e.ops.length; i++) {
        const right = evaluate(e.comparators[i], frame);
        if (!compare(e.ops[i].nodeType, left, right)) return false;
        left = right;
      }
      return true;
    }
    case 'Subscript': return subscript(evaluate(e.value, frame), evaluate(e.slice, frame));
    case 'Attribute': return attribute(evaluate(e.value, frame), e.attr);
    case 'Call': return BigInt(length(evaluate((e as { args: AstExpr[] }).args[0], frame)));
    default: throw new ConditionError(`unsupported expression: ${e.nodeType}`);
  }
}

function isObject(v: ConditionValue): v is PyObject {
  return typeof v === 'object' && v !== null;
}

function truthy(v: ConditionValue): boolean {
  if (v === null) return false;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet) return length(v) > 0;
  return true;
}

function length(v: ConditionValue): number {
  if (typeof v === 'string') return [...v].length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.size;
  if (v instanceof PySet) return v.size;
  throw new ConditionError(`object of type '${typeOf(v)}' has no len()`);
}

function typeOf(v: ConditionValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return v.ob_type.name;
}

function numeric(v: ConditionValue): bigint | number {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  throw new ConditionError(`unsupported operand type: '${typeOf(v)}'`);
}

function binary(op: string, a: ConditionValue, b: ConditionValue): ConditionValue {
  if (op === 'Add' && typeof a === 'string' && typeof b === 'string') return a + b;
  const x = numeric(a), y = numeric(b);
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    switch (op) {
      case 'Add': return x + y;
      case 'Sub': return x - y;
      case 'Mult': return x * y;
      case 'FloorDiv': case 'Mod': {
        if (y === 0n) throw new ConditionError('integer division or modulo by zero');
        let q = x / y;
        if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
        return op === 'FloorDiv' ? q : x - q * y;
      }
      case 'Div': return Number(x) / Number(y);
    }
  }
  const fx = Number(x), fy = Number(y);
  switch (op) {
    case 'Add': return fx + fy;
    case 'Sub': return fx - fy;
    case 'Mult': return fx * fy;
    case 'Div': return fx / fy;
  }
  throw new ConditionError(`operator ${op} is not supported in conditions`);
}

function equal(a: ConditionValue, b: ConditionValue): boolean {
  if (isObject(a) || isObject(b)) return a === b;
  if ((typeof a === 'bigint' || typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'bigint' || typeof b === 'number' || typeof b === 'boolean')) {
    const x = numeric(a), y = numeric(b);
    return typeof x === typeof y ? x === y : Number(x) === Number(y);
  }
  return a === b;
}

function compare(op: string, a: ConditionValue, b: ConditionValue): boolean {
  switch (op) {
    case 'Eq': return equal(a, b);
    case 'NotEq': return !equal(a, b);
    case 'Is': return a === b;
    case 'IsNot': return a !== b;
    case 'In': return contains(b, a);
    case 'NotIn': return !contains(b, a);
  }
  let c: number;
  if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else {
    const x = numeric(a), y = numeric(b);
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  switch (op) {
    case 'Lt': return c < 0;
    case 'LtE': return c <= 0;
    case 'Gt': return c > 0;
    default: return c >= 0;
  }
}

function contains(container: ConditionValue, item: ConditionValue): boolean {
  if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
  if (container instanceof PyList || container instanceof PyTuple) return container.items.some((x) => equal(unbox(x), item));
  if (container instanceof PyDict) return container.keyList().some((k) => equal(unbox(k), item));
  if (container instanceof PySet) return container.table.keyList().some((k) => equal(unbox(k), item));
  throw new ConditionError(`argument of type '${typeOf(container)}' is not iterable`);
}

function subscript(container: ConditionValue, key: ConditionValue): ConditionValue {
  if (container instanceof PyList || container instanceof PyTuple || typeof container === 'string') {
    if (typeof key !== 'bigint' && typeof key !== 'boolean') throw new ConditionError('indices must be integers');
    const items = typeof container === 'string' ? [...container] : container.items;
    let i = Number(numeric(key));
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) throw new ConditionError('index out of range');
    const v = items[i];
    return typeof v === 'string' ? v : unbox(v);
  }
  if (container instanceof PyDict) {
    for (const [k, v] of container.entries()) if (equal(unbox(k), key)) return unbox(v);
    throw new ConditionError(`KeyError: ${String(key)}`);
  }
  throw new ConditionError(`'${typeOf(container)}' object is not subscriptable`);
}

/** DAP hit conditions: "N" or "==N" (the Nth hit), ">N", ">=N", "<N", "<=N", "%N" (every Nth). */
export function parseHitCondition(text: string): (hits: number) => boolean {
  const m = /^\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new ConditionError(`hit count condition must be a number, optionally after ==, >, >=, <, <= or %: '${text}'`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '>': return (hits) => hits > n;
    case '>=': return (hits) => hits >= n;
    case '<': return (hits) => hits < n;
    case '<=': return (hits) => hits <= n;
    case '%': return (hits) => n > 0 && hits % n === 0;
    default: return (hits) => hits === n;
  }
}

/**
 * A logpoint message: text with {expression} parts, evaluated like conditions; str values print
 * without quotes (as print() would), everything else with its repr. `{{` and `}}` are braces.
 */
export function parseLogMessage(text: string): (frame: Frame) => string {
  const parts: (string | Condition)[] = [];
  let i = 0;
  let literal = '';
  while (i < text.length) {
    const c = text[i];
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      literal += c;
      i += 2;
    } else if (c === '{') {
      const end = text.indexOf('}', i + 1);
      if (end < 0) throw new ConditionError(`unclosed '{' in log message: '${text}'`);
      parts.push(literal, parseCondition(text.slice(i + 1, end)));
      literal = '';
      i = end + 1;
    } else {
      literal += c;
      i++;
    }
  }
  parts.push(literal);
  return (frame) => parts.map((p) => {
    if (typeof p === 'string') return p;
    try {
      const v = p.evaluate(frame);
      return typeof v === 'string' ? v : reprConditionValue(v);
    } catch (error) {
      return `<${(error as Error).message}>`;
    }
  }).join('');
}
