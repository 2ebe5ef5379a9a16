// A deterministic, realistic Python file of any size for the front-end benchmark: the mix of
// statements learners write (functions with closures, classes with methods and super(), loops,
// comprehensions, f-strings, try/except, decorators), so no single grammar path dominates.

function block(i: number): string[] {
  return [
    `def make_counter_${i}(start=0, *, step=1):`,
    `    count = start`,
    `    def inc(by=step):`,
    `        nonlocal count`,
    `        count += by`,
    `        return count`,
    `    return inc`,
    ``,
    `class Shape${i}(object):`,
    `    """A shape with an area; number ${i}."""`,
    `    sides: int = ${i % 7}`,
    ``,
    `    def __init__(self, name, *args, **kwargs):`,
    `        super().__init__()`,
    `        self.name = name`,
    `        self.values = [x * 2 for x in args if x % 3 != 0]`,
    `        self.table = {k: v for k, v in kwargs.items()}`,
    ``,
    `    @property`,
    `    def area(self):`,
    `        total = 0`,
    `        for index, value in enumerate(self.values):`,
    `            if index % 2 == 0 and value > ${i}:`,
    `                total += value ** 2 - (index << 1)`,
    `            elif value in (1, 2, 3):`,
    `                continue`,
    `            else:`,
    `                total -= abs(value) // 3`,
    `        return total`,
    ``,
    `    def __repr__(self):`,
    `        return f"Shape${i}({self.name!r}, area={self.area:>8.2f})"`,
    ``,
    `def process_${i}(items):`,
    `    result = []`,
    `    try:`,
    `        while items:`,
    `            item = items.pop()`,
    `            result.append(lambda y, item=item: y + item)`,
    `    except (IndexError, KeyError) as error:`,
    `        print("failed:", error)`,
    `    finally:`,
    `        result.sort(key=lambda f: f(0), reverse=True)`,
    `    return [f(1) for f in result if f is not None]`,
    ``,
  ];
}

/** About `lines` lines of Python (rounded up to whole blocks). */
export function generateSource(lines: number): string {
  const out: string[] = ['import math', 'from collections import defaultdict', ''];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.join('\n') + '\n';
}
