import inspect, functools, sys

def add(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Add things.

    More text here.
    """
    return a + b

def posonly(x, y, /, z, *, w=None):
    pass

class Point:
    """A point."""
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def dist(self, other: "Point") -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

    @staticmethod
    def origin():
        return Point(0)

    @classmethod
    def make(cls, v):
        return cls(v, v)

def gen():
    yield 1

async def coro():
    pass

print(inspect.signature(add))
print(inspect.signature(posonly))
print(inspect.signature(Point))
print(inspect.signature(Point.dist))
print(inspect.signature(Point(1).dist))
print(inspect.signature(Point.make))
print(inspect.signature(lambda x, *y: 0))
sig = inspect.signature(add)
for name, p in sig.parameters.items():
    print(name, p.kind, repr(p.kind), p.kind.description, p.default is inspect.Parameter.empty, repr(p))
print(sig.return_annotation, repr(sig))
ba = sig.bind(1, 2, 3, c=5, e=6)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba)
for bad in [lambda: sig.bind(), lambda: sig.bind(1, c=1, b=2, a=3), lambda: inspect.signature(posonly).bind(1, y=2, z=3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(inspect.signature(functools.partial(add, 10, c=3)))
@functools.wraps(add)
def wrapper(*a, **k):
    return add(*a, **k)
print(inspect.signature(wrapper))
print(inspect.isfunction(add), inspect.isfunction(len), inspect.isbuiltin(len), inspect.isclass(Point), inspect.ismethod(Point(1).dist),
      inspect.ismodule(sys), inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(coro),
      inspect.isroutine(add), inspect.isroutine(len), inspect.isabstract(Point))
print(inspect.getsource(add))
print(inspect.getsource(Point.dist), end='')
print(inspect.getsource(Point))
lines, start = inspect.getsourcelines(posonly)
print(start, lines)
print(inspect.getdoc(add))
print(repr(inspect.cleandoc("  first\n    indented\n      more\n")))
print(inspect.getdoc(Point))
print([name for name, _ in inspect.getmembers(Point, inspect.isfunction)])
print([name for name, _ in inspect.getmembers(Point(3)) if not name.startswith('__')])
def where():
    f = inspect.currentframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name)
    st = inspect.stack()
    print([(fi.function, fi.lineno, fi.code_context) for fi in st])
    print(st[0].filename == __file__, st[0][3])
    info = inspect.getframeinfo(f)
    print(info.function, info.lineno, info.code_context)
where()
print(inspect.getfullargspec(add))
print(inspect.getfile(add) == __file__, inspect.getmodule(add).__name__)
print(inspect.unwrap(wrapper) is add)
