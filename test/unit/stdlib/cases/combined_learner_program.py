from dataclasses import dataclass, field, asdict
from enum import Enum
from collections import Counter, defaultdict, deque
from collections.abc import MutableSequence
import json, itertools, functools, operator, heapq

class Kind(Enum):
    FRUIT = 'fruit'
    VEG = 'veg'

@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    kind: Kind = field(default=Kind.FRUIT, compare=False)
    tags: list = field(default_factory=list, compare=False)

items = [Item(1.5, 'apple'), Item(0.5, 'carrot', Kind.VEG, ['root']), Item(2.25, 'mango')]
print(sorted(items)[0], max(items).name)
by_kind = defaultdict(list)
for it in items:
    by_kind[it.kind].append(it.name)
print(dict(by_kind))
print(json.dumps([{**asdict(i), 'kind': i.kind.value} for i in items], indent=2))
print(Counter(i.kind.name for i in items).most_common())
print(functools.reduce(operator.add, (i.price for i in items)))
print(heapq.nsmallest(2, items, key=operator.attrgetter('price')))
print(list(itertools.accumulate(i.price for i in items)))
print(isinstance(deque(), MutableSequence))
def totals(rows):
    return {k: sum(p for _, p in g) for k, g in itertools.groupby(sorted(rows), key=lambda r: r[0])}
print(totals([('a', 1), ('b', 2), ('a', 3)]))
