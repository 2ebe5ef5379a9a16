// Node constructors for the parser. Each builds an object literal with CPython's fields in
// NODE_FIELDS order and the four positions last, so every node of a type has one V8 shape.
// Positions come from a start and an end (tokens or nodes): start line/column of `s`, end
// line/column of `e`, as pegen's EXTRA does.

import type * as A from './ast';

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// Operators and contexts carry no data; CPython shares one instance of each, so do we.
export const LOAD: A.Load = { nodeType: 'Load' };
export const STORE: A.Store = { nodeType: 'Store' };
export const DEL: A.Del = { nodeType: 'Del' };
export const OP_ADD: A.Add = { nodeType: 'Add' };
export const OP_SUB: A.Sub = { nodeType: 'Sub' };
export const OP_MULT: A.Mult = { nodeType: 'Mult' };
export const OP_MATMULT: A.MatMult = { nodeType: 'MatMult' };
export const OP_DIV: A.Div = { nodeType: 'Div' };
export const OP_MOD: A.Mod = { nodeType: 'Mod' };
export const OP_POW: A.Pow = { nodeType: 'Pow' };
export const OP_LSHIFT: A.LShift = { nodeType: 'LShift' };
export const OP_RSHIFT: A.RShift = { nodeType: 'RShift' };
export const OP_BITOR: A.BitOr = { nodeType: 'BitOr' };
export const OP_BITXOR: A.BitXor = { nodeType: 'BitXor' };
export const OP_BITAND: A.BitAnd = { nodeType: 'BitAnd' };
export const OP_FLOORDIV: A.FloorDiv = { nodeType: 'FloorDiv' };
export const OP_AND: A.And = { nodeType: 'And' };
export const OP_OR: A.Or = { nodeType: 'Or' };
export const OP_INVERT: A.Invert = { nodeType: 'Invert' };
export const OP_NOT: A.Not = { nodeType: 'Not' };
export const OP_UADD: A.UAdd = { nodeType: 'UAdd' };
export const OP_USUB: A.USub = { nodeType: 'USub' };
export const OP_EQ: A.Eq = { nodeType: 'Eq' };
export const OP_NOTEQ: A.NotEq = { nodeType: 'NotEq' };
export const OP_LT: A.Lt = { nodeType: 'Lt' };
export const OP_LTE: A.LtE = { nodeType: 'LtE' };
export const OP_GT: A.Gt = { nodeType: 'Gt' };
export const OP_GTE: A.GtE = { nodeType: 'GtE' };
export const OP_IS: A.Is = { nodeType: 'Is' };
export const OP_ISNOT: A.IsNot = { nodeType: 'IsNot' };
export const OP_IN: A.In = { nodeType: 'In' };
export const OP_NOTIN: A.NotIn = { nodeType: 'NotIn' };
export function annAssignNode(target: A.AnnAssign['target'], annotation: A.AnnAssign['annotation'], value: A.AnnAssign['value'], simple: A.AnnAssign['simple'], s: Located, e: Located): A.AnnAssign {
  return { nodeType: 'AnnAssign', target, annotation, value, simple, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function assertNode(test: A.Assert['test'], msg: A.Assert['msg'], s: Located, e: Located): A.Assert {
  return { nodeType: 'Assert', test, msg, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function assignNode(targets: A.Assign['targets'], value: A.Assign['value'], type_comment: A.Assign['type_comment'], s: Located, e: Located): A.Assign {
  return { nodeType: 'Assign', targets, value, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function asyncForNode(target: A.AsyncFor['target'], iter: A.AsyncFor['iter'], body: A.AsyncFor['body'], orelse: A.AsyncFor['orelse'], type_comment: A.AsyncFor['type_comment'], s: Located, e: Located): A.AsyncFor {
  return { nodeType: 'AsyncFor', target, iter, body, orelse, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function asyncFunctionDefNode(name: A.AsyncFunctionDef['name'], args: A.AsyncFunctionDef['args'], body: A.AsyncFunctionDef['body'], decorator_list: A.AsyncFunctionDef['decorator_list'], returns: A.AsyncFunctionDef['returns'], type_comment: A.AsyncFunctionDef['type_comment'], s: Located, e: Located): A.AsyncFunctionDef {
  return { nodeType: 'AsyncFunctionDef', name, args, body, decorator_list, returns, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function asyncWithNode(items: A.AsyncWith['items'], body: A.AsyncWith['body'], type_comment: A.AsyncWith['type_comment'], s: Located, e: Located): A.AsyncWith {
  return { nodeType: 'AsyncWith', items, body, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function attributeNode(value: A.Attribute['value'], attr: A.Attribute['attr'], ctx: A.Attribute['ctx'], s: Located, e: Located): A.Attribute {
  return { nodeType: 'Attribute', value, attr, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function augAssignNode(target: A.AugAssign['target'], op: A.AugAssign['op'], value: A.AugAssign['value'], s: Located, e: Located): A.AugAssign {
  return { nodeType: 'AugAssign', target, op, value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function awaitNode(value: A.Await['value'], s: Located, e: Located): A.Await {
  return { nodeType: 'Await', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function binOpNode(left: A.BinOp['left'], op: A.BinOp['op'], right: A.BinOp['right'], s: Located, e: Located): A.BinOp {
  return { nodeType: 'BinOp', left, op, right, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function boolOpNode(op: A.BoolOp['op'], values: A.BoolOp['values'], s: Located, e: Located): A.BoolOp {
  return { nodeType: 'BoolOp', op, values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function callNode(func: A.Call['func'], args: A.Call['args'], keywords: A.Call['keywords'], s: Located, e: Located): A.Call {
  return { nodeType: 'Call', func, args, keywords, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function classDefNode(name: A.ClassDef['name'], bases: A.ClassDef['bases'], keywords: A.ClassDef['keywords'], body: A.ClassDef['body'], decorator_list: A.ClassDef['decorator_list'], s: Located, e: Located): A.ClassDef {
  return { nodeType: 'ClassDef', name, bases, keywords, body, decorator_list, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function compareNode(left: A.Compare['left'], ops: A.Compare['ops'], comparators: A.Compare['comparators'], s: Located, e: Located): A.Compare {
  return { nodeType: 'Compare', left, ops, comparators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function constantNode(value: A.Constant['value'], kind: A.Constant['kind'], s: Located, e: Located): A.Constant {
  return { nodeType: 'Constant', value, kind, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function deleteNode(targets: A.Delete['targets'], s: Located, e: Located): A.Delete {
  return { nodeType: 'Delete', targets, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function dictNode(keys: A.Dict['keys'], values: A.Dict['values'], s: Located, e: Located): A.Dict {
  return { nodeType: 'Dict', keys, values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function dictCompNode(key: A.DictComp['key'], value: A.DictComp['value'], generators: A.DictComp['generators'], s: Located, e: Located): A.DictComp {
  return { nodeType: 'DictComp', key, value, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function exceptHandlerNode(type: A.ExceptHandler['type'], name: A.ExceptHandler['name'], body: A.ExceptHandler['body'], s: Located, e: Located): A.ExceptHandler {
  return { nodeType: 'ExceptHandler', type, name, body, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function exprNode(value: A.Expr['value'], s: Located, e: Located): A.Expr {
  return { nodeType: 'Expr', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function forNode(target: A.For['target'], iter: A.For['iter'], body: A.For['body'], orelse: A.For['orelse'], type_comment: A.For['type_comment'], s: Located, e: Located): A.For {
  return { nodeType: 'For', target, iter, body, orelse, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function formattedValueNode(value: A.FormattedValue['value'], conversion: A.FormattedValue['conversion'], format_spec: A.FormattedValue['format_spec'], s: Located, e: Located): A.FormattedValue {
  return { nodeType: 'FormattedValue', value, conversion, format_spec, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function functionDefNode(name: A.FunctionDef['name'], args: A.FunctionDef['args'], body: A.FunctionDef['body'], decorator_list: A.FunctionDef['decorator_list'], returns: A.FunctionDef['returns'], type_comment: A.FunctionDef['type_comment'], s: Located, e: Located): A.FunctionDef {
  return { nodeType: 'FunctionDef', name, args, body, decorator_list, returns, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function generatorExpNode(elt: A.GeneratorExp['elt'], generators: A.GeneratorExp['generators'], s: Located, e: Located): A.GeneratorExp {
  return { nodeType: 'GeneratorExp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function globalNode(names: A.Global['names'], s: Located, e: Located): A.Global {
  return { nodeType: 'Global', names, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function ifNode(test: A.If['test'], body: A.If['body'], orelse: A.If['orelse'], s: Located, e: Located): A.If {
  return { nodeType: 'If', test, body, orelse, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function ifExpNode(test: A.IfExp['test'], body: A.IfExp['body'], orelse: A.IfExp['orelse'], s: Located, e: Located): A.IfExp {
  return { nodeType: 'IfExp', test, body, orelse, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function importNode(names: A.Import['names'], s: Located, e: Located): A.Import {
  return { nodeType: 'Import', names, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function importFromNode(module: A.ImportFrom['module'], names: A.ImportFrom['names'], level: A.ImportFrom['level'], s: Located, e: Located): A.ImportFrom {
  return { nodeType: 'ImportFrom', module, names, level, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function joinedStrNode(values: A.JoinedStr['values'], s: Located, e: Located): A.JoinedStr {
  return { nodeType: 'JoinedStr', values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function lambdaNode(args: A.Lambda['args'], body: A.Lambda['body'], s: Located, e: Located): A.Lambda {
  return { nodeType: 'Lambda', args, body, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function listNode(elts: A.List['elts'], ctx: A.List['ctx'], s: Located, e: Located): A.List {
  return { nodeType: 'List', elts, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function listCompNode(elt: A.ListComp['elt'], generators: A.ListComp['generators'], s: Located, e: Located): A.ListComp {
  return { nodeType: 'ListComp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchNode(subject: A.Match['subject'], cases: A.Match['cases'], s: Located, e: Located): A.Match {
  return { nodeType: 'Match', subject, cases, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchAsNode(pattern: A.MatchAs['pattern'], name: A.MatchAs['name'], s: Located, e: Located): A.MatchAs {
  return { nodeType: 'MatchAs', pattern, name, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchClassNode(cls: A.MatchClass['cls'], patterns: A.MatchClass['patterns'], kwd_attrs: A.MatchClass['kwd_attrs'], kwd_patterns: A.MatchClass['kwd_patterns'], s: Located, e: Located): A.MatchClass {
  return { nodeType: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchMappingNode(keys: A.MatchMapping['keys'], patterns: A.MatchMapping['patterns'], rest: A.MatchMapping['rest'], s: Located, e: Located): A.MatchMapping {
  return { nodeType: 'MatchMapping', keys, patterns, rest, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchOrNode(patterns: A.MatchOr['patterns'], s: Located, e: Located): A.MatchOr {
  return { nodeType: 'MatchOr', patterns, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchSequenceNode(patterns: A.MatchSequence['patterns'], s: Located, e: Located): A.MatchSequence {
  return { nodeType: 'MatchSequence', patterns, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchSingletonNode(value: A.MatchSingleton['value'], s: Located, e: Located): A.MatchSingleton {
  return { nodeType: 'MatchSingleton', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchStarNode(name: A.MatchStar['name'], s: Located, e: Located): A.MatchStar {
  return { nodeType: 'MatchStar', name, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchValueNode(value: A.MatchValue['value'], s: Located, e: Located): A.MatchValue {
  return { nodeType: 'MatchValue', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function nameNode(id: A.Name['id'], ctx: A.Name['ctx'], s: Located, e: Located): A.Name {
  return { nodeType: 'Name', id, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function namedExprNode(target: A.NamedExpr['target'], value: A.NamedExpr['value'], s: Located, e: Located): A.NamedExpr {
  return { nodeType: 'NamedExpr', target, value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function nonlocalNode(names: A.Nonlocal['names'], s: Located, e: Located): A.Nonlocal {
  return { nodeType: 'Nonlocal', names, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function raiseNode(exc: A.Raise['exc'], cause: A.Raise['cause'], s: Located, e: Located): A.Raise {
  return { nodeType: 'Raise', exc, cause, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function returnNode(value: A.Return['value'], s: Located, e: Located): A.Return {
  return { nodeType: 'Return', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function setNode(elts: A.Set['elts'], s: Located, e: Located): A.Set {
  return { nodeType: 'Set', elts, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function setCompNode(elt: A.SetComp['elt'], generators: A.SetComp['generators'], s: Located, e: Located): A.SetComp {
  return { nodeType: 'SetComp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function sliceNode(lower: A.Slice['lower'], upper: A.Slice['upper'], step: A.Slice['step'], s: Located, e: Located): A.Slice {
  return { nodeType: 'Slice', lower, upper, step, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function starredNode(value: A.Starred['value'], ctx: A.Starred['ctx'], s: Located, e: Located): A.Starred {
  return { nodeType: 'Starred', value, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function subscriptNode(value: A.Subscript['value'], slice: A.Subscript['slice'], ctx: A.Subscript['ctx'], s: Located, e: Located): A.Subscript {
  return { nodeType: 'Subscript', value, slice, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function tryNode(body: A.Try['body'], handlers: A.Try['handlers'], orelse: A.Try['orelse'], finalbody: A.Try['finalbody'], s: Located, e: Located): A.Try {
  return { nodeType: 'Try', body, handlers, orelse, finalbody, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function tryStarNode(body: A.TryStar['body'], handlers: A.TryStar['handlers'], orelse: A.TryStar['orelse'], finalbody: A.TryStar['finalbody'], s: Located, e: Located): A.TryStar {
  return { nodeType: 'TryStar', body, handlers, orelse, finalbody, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function tupleNode(elts: A.Tuple['elts'], ctx: A.Tuple['ctx'], s: Located, e: Located): A.Tuple {
  return { nodeType: 'Tuple', elts, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function unaryOpNode(op: A.UnaryOp['op'], operand: A.UnaryOp['operand'], s: Located, e: Located): A.UnaryOp {
  return { nodeType: 'UnaryOp', op, operand, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function whileNode(test: A.While['test'], body: A.While['body'], orelse: A.While['orelse'], s: Located, e: Located): A.While {
  return { nodeType: 'While', test, body, orelse, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function withNode(items: A.With['items'], body: A.With['body'], type_comment: A.With['type_comment'], s: Located, e: Located): A.With {
  return { nodeType: 'With', items, body, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function yieldNode(value: A.Yield['value'], s: Located, e: Located): A.Yield {
  return { nodeType: 'Yield', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function yieldFromNode(value: A.YieldFrom['value'], s: Located, e: Located): A.YieldFrom {
  return { nodeType: 'YieldFrom', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function aliasNode(name: A.Alias['name'], asname: A.Alias['asname'], s: Located, e: Located): A.Alias {
  return { nodeType: 'alias', name, asname, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function argNode(arg: A.Arg['arg'], annotation: A.Arg['annotation'], type_comment: A.Arg['type_comment'], s: Located, e: Located): A.Arg {
  return { nodeType: 'arg', arg, annotation, type_comment, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function argumentsNode(posonlyargs: A.Arguments['posonlyargs'], args: A.Arguments['args'], vararg: A.Arguments['vararg'], kwonlyargs: A.Arguments['kwonlyargs'], kw_defaults: A.Arguments['kw_defaults'], kwarg: A.Arguments['kwarg'], defaults: A.Arguments['defaults']): A.Arguments {
  return { nodeType: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
}
export function comprehensionNode(target: A.Comprehension['target'], iter: A.Comprehension['iter'], ifs: A.Comprehension['ifs'], is_async: A.Comprehension['is_async']): A.Comprehension {
  return { nodeType: 'comprehension', target, iter, ifs, is_async };
}
export function keywordNode(arg: A.Keyword['arg'], value: A.Keyword['value'], s: Located, e: Located): A.Keyword {
  return { nodeType: 'keyword', arg, value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function matchCaseNode(pattern: A.MatchCase['pattern'], guard: A.MatchCase['guard'], body: A.MatchCase['body']): A.MatchCase {
  return { nodeType: 'match_case', pattern, guard, body };
}
export function withitemNode(context_expr: A.Withitem['context_expr'], optional_vars: A.Withitem['optional_vars']): A.Withitem {
  return { nodeType: 'withitem', context_expr, optional_vars };
}
export function passNode(s: Located, e: Located): A.Pass {
  return { nodeType: 'Pass', lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function breakNode(s: Located, e: Located): A.Break {
  return { nodeType: 'Break', lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function continueNode(s: Located, e: Located): A.Continue {
  return { nodeType: 'Continue', lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
