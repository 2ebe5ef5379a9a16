// Function and lambda parameter lists (python.gram "Function parameters" and the lambda_*
// duplicates). The two grammars differ only in the token that may follow the last parameter
// (')' for def, ':' for lambda) and in annotations, so one set of functions serves both, told
// apart by `lambda`.

import type * as A from './ast';
import { K, Parser } from './parser';
import * as N from './parseNodes';
import { expression, starExpression } from './parseExpressions';
import * as I from './parseInvalid';

type Expr = A.AstExpr;

export interface NameDefault {
  arg: A.Arg;
  value: Expr | null;
}

export interface SlashWithDefault {
  plainNames: A.Arg[];
  namesWithDefaults: NameDefault[];
}

export interface StarEtc {
  vararg: A.Arg | null;
  kwonlyargs: NameDefault[] | null;
  kwarg: A.Arg | null;
}

/** params: invalid_parameters | parameters */
export function params(p: Parser): A.Arguments | null {
  return paramsRule(p, false);
}

/** lambda_params: invalid_lambda_parameters | lambda_parameters */
export function lambdaParams(p: Parser): A.Arguments | null {
  return paramsRule(p, true);
}

function paramsRule(p: Parser, lambda: boolean): A.Arguments | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    if (lambda) I.invalidLambdaParameters(p);
    else I.invalidParameters(p);
    p.mark = start;
  }
  const a = parameters(p, lambda);
  if (a === null) p.mark = start;
  return a;
}

function closer(lambda: boolean): K {
  return lambda ? K.COLON : K.RPAR;
}

/** parameters / lambda_parameters */
function parameters(p: Parser, lambda: boolean): A.Arguments | null {
  const start = p.mark;
  // slash_no_default param_no_default* param_with_default* [star_etc]
  const a = slashNoDefault(p, lambda);
  if (a !== null) {
    const b = repeat(p, lambda, paramNoDefault);
    const c = repeat(p, lambda, paramWithDefault);
    const d = starEtc(p, lambda);
    return makeArguments(a, null, b, c, d);
  }
  p.mark = start;
  // slash_with_default param_with_default* [star_etc]
  const sw = slashWithDefault(p, lambda);
  if (sw !== null) {
    const b = repeat(p, lambda, paramWithDefault);
    const c = starEtc(p, lambda);
    return makeArguments(null, sw, null, b, c);
  }
  p.mark = start;
  // param_no_default+ param_with_default* [star_etc]
  const plain = repeat(p, lambda, paramNoDefault);
  if (plain.length > 0) {
    const b = repeat(p, lambda, paramWithDefault);
    const c = starEtc(p, lambda);
    return makeArguments(null, null, plain, b, c);
  }
  // param_with_default+ [star_etc]
  const withDefault = repeat(p, lambda, paramWithDefault);
  if (withDefault.length > 0) {
    const c = starEtc(p, lambda);
    return makeArguments(null, null, null, withDefault, c);
  }
  // star_etc
  const se = starEtc(p, lambda);
  if (se !== null) return makeArguments(null, null, null, null, se);
  p.mark = start;
  return null;
}

export function repeat<T>(p: Parser, lambda: boolean, rule: (p: Parser, lambda: boolean) => T | null): T[] {
  const items: T[] = [];
  for (;;) {
    const item = rule(p, lambda);
    if (item === null) break;
    items.push(item);
  }
  return items;
}

/** slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')' */
export function slashNoDefault(p: Parser, lambda: boolean): A.Arg[] | null {
  const start = p.mark;
  const a = repeat(p, lambda, paramNoDefault);
  if (a.length > 0 && p.eat(K.SLASH)) {
    if (p.eat(K.COMMA) || p.kind() === closer(lambda)) return a;
  }
  p.mark = start;
  return null;
}

/** slash_with_default: param_no_default* param_with_default+ '/' ',' | ... '/' &')' */
export function slashWithDefault(p: Parser, lambda: boolean): SlashWithDefault | null {
  const start = p.mark;
  const a = repeat(p, lambda, paramNoDefault);
  const b = repeat(p, lambda, paramWithDefault);
  if (b.length > 0 && p.eat(K.SLASH)) {
    if (p.eat(K.COMMA) || p.kind() === closer(lambda)) return { plainNames: a, namesWithDefaults: b };
  }
  p.mark = start;
  return null;
}

/** star_etc / lambda_star_etc */
function starEtc(p: Parser, lambda: boolean): StarEtc | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    if (lambda) I.invalidLambdaStarEtc(p);
    else I.invalidStarEtc(p);
    p.mark = start;
  }
  if (p.eat(K.STAR)) {
    const afterStar = p.mark;
    // '*' param_no_default param_maybe_default* [kwds]
    let a = paramNoDefault(p, lambda);
    // '*' param_no_default_star_annotation param_maybe_default* [kwds]
    if (a === null && !lambda) {
      p.mark = afterStar;
      a = paramNoDefaultStarAnnotation(p);
    }
    if (a !== null) {
      const b = repeat(p, lambda, paramMaybeDefault);
      const c = kwds(p, lambda);
      return { vararg: a, kwonlyargs: b, kwarg: c };
    }
    // '*' ',' param_maybe_default+ [kwds]
    p.mark = afterStar;
    if (p.eat(K.COMMA)) {
      const b = repeat(p, lambda, paramMaybeDefault);
      if (b.length > 0) {
        const c = kwds(p, lambda);
        return { vararg: null, kwonlyargs: b, kwarg: c };
      }
    }
    p.mark = start;
  }
  const k = kwds(p, lambda);
  if (k !== null) return { vararg: null, kwonlyargs: null, kwarg: k };
  return null;
}

/** kwds: invalid_kwds | '**' param_no_default */
function kwds(p: Parser, lambda: boolean): A.Arg | null {
  const start = p.mark;
  if (p.callInvalidRules) {
    if (lambda) I.invalidLambdaKwds(p);
    else I.invalidKwds(p);
    p.mark = start;
  }
  if (!p.eat(K.DOUBLESTAR)) return null;
  const a = paramNoDefault(p, lambda);
  if (a === null) p.mark = start;
  return a;
}

/** param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')' */
export function paramNoDefault(p: Parser, lambda: boolean): A.Arg | null {
  const start = p.mark;
  const a = param(p, lambda);
  if (a === null) return null;
  if (p.eat(K.COMMA)) {
    if (!lambda) p.eat(K.TYPE_COMMENT);
    return a;
  }
  if (!lambda) p.eat(K.TYPE_COMMENT);
  if (p.kind() === closer(lambda)) return a;
  p.mark = start;
  return null;
}

/** param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')' */
function paramNoDefaultStarAnnotation(p: Parser): A.Arg | null {
  const start = p.mark;
  const name = p.name();
  if (name === null) return null;
  if (p.eat(K.COLON)) {
    const ann = starExpression(p);
    if (ann !== null) {
      const a = N.argNode(name.text, ann, null, name, p.lastToken());
      if (p.eat(K.COMMA)) { p.eat(K.TYPE_COMMENT); return a; }
      p.eat(K.TYPE_COMMENT);
      if (p.kind() === K.RPAR) return a;
    }
  }
  p.mark = start;
  return null;
}

/** param_with_default: param default ',' | param default &')' */
export function paramWithDefault(p: Parser, lambda: boolean): NameDefault | null {
  const start = p.mark;
  const a = param(p, lambda);
  if (a !== null) {
    const c = defaultRule(p);
    if (c !== null) {
      if (p.eat(K.COMMA)) {
        if (!lambda) p.eat(K.TYPE_COMMENT);
        return { arg: a, value: c };
      }
      if (!lambda) p.eat(K.TYPE_COMMENT);
      if (p.kind() === closer(lambda)) return { arg: a, value: c };
    }
  }
  p.mark = start;
  return null;
}

/** param_maybe_default: param default? ',' | param default? &')' */
export function paramMaybeDefault(p: Parser, lambda: boolean): NameDefault | null {
  const start = p.mark;
  const a = param(p, lambda);
  if (a === null) return null;
  const c = defaultRule(p);
  if (p.eat(K.COMMA)) {
    if (!lambda) p.eat(K.TYPE_COMMENT);
    return { arg: a, value: c };
  }
  if (!lambda) p.eat(K.TYPE_COMMENT);
  if (p.kind() === closer(lambda)) return { arg: a, value: c };
  p.mark = start;
  return null;
}

/** param: NAME annotation? (lambda_param: NAME) */
export function param(p: Parser, lambda: boolean): A.Arg | null {
  const name = p.name();
  if (name === null) return null;
  let annotation: Expr | null = null;
  if (!lambda) {
    const m = p.mark;
    if (p.eat(K.COLON)) {
      annotation = expression(p);
      if (annotation === null) p.mark = m;
    }
  }
  return N.argNode(name.text, annotation, null, name, p.lastToken());
}

/** default: '=' expression | invalid_default */
export function defaultRule(p: Parser): Expr | null {
  const start = p.mark;
  if (p.eat(K.EQUAL)) {
    const a = expression(p);
    if (a !== null) return a;
    p.mark = start;
  }
  if (p.callInvalidRules) {
    I.invalidDefault(p);
    p.mark = start;
  }
  return null;
}

/** _PyPegen_make_arguments */
function makeArguments(
  slashWithoutDefault: A.Arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: A.Arg[] | null,
  namesWithDefault: NameDefault[] | null,
  starEtc: StarEtc | null,
): A.Arguments {
  let posonlyargs: A.Arg[];
  if (slashWithoutDefault !== null) posonlyargs = slashWithoutDefault;
  else if (slashWithDefault !== null) posonlyargs = [...slashWithDefault.plainNames, ...slashWithDefault.namesWithDefaults.map((x) => x.arg)];
  else posonlyargs = [];
  const posargs = [...(plainNames ?? []), ...(namesWithDefault ?? []).map((x) => x.arg)];
  const posdefaults = [
    ...(slashWithDefault?.namesWithDefaults ?? []).map((x) => x.value!),
    ...(namesWithDefault ?? []).map((x) => x.value!),
  ];
  const kwonly = starEtc?.kwonlyargs ?? [];
  return N.argumentsNode(
    posonlyargs,
    posargs,
    starEtc?.vararg ?? null,
    kwonly.map((x) => x.arg),
    kwonly.map((x) => x.value) as Expr[],
    starEtc?.kwarg ?? null,
    posdefaults,
  );
}
