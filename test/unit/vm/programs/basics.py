# Core language: functions, classes, closures, generators, exceptions, containers.
def add(a, b=10, *args, key=None, **kw):
    return a + b + sum(args) + (key or 0) + len(kw)

print(add(1), add(1, 2, 3, 4, key=5, x=1))

class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def greet(self):
        return "hello " + self.name

class Child(Base):
    def greet(self):
        return super().greet().upper()

c = Child("x")
print(c, c.greet(), Base.count, Child.__mro__)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

f = counter()
f(); f()
print(f(), f.__closure__[0].cell_contents)

def gen(n):
    for i in range(n):
        got = yield i * i
        if got:
            print("got", got)
    return "done"

g = gen(3)
print(next(g), g.send("a"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def deleg():
    r = yield from gen(2)
    print("result", r)

print(list(deleg()))
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
print(d, sorted(d), list(d.items()), {k: v for k, v in d.items() if v > 2})
print([x * 2 for x in range(5) if x % 2], (1, 2) + (3,), "a,b".split(","), "-".join(["x", "y"]))
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__))
print(int("42") + 1, float("1.5") * 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 100, 10 / 4, round(2.5), round(3.14159, 2))
print(isinstance(c, Base), issubclass(Child, Base), hasattr(c, "name"), getattr(c, "nope", "dflt"))
print("%s=%d %.2f %r" % ("x", 3, 1.5, "s"), "{} {:>5} {:.3f}".format(1, "ab", 2.0), f"{3.14159:.2f}|{42:05d}|{'s':^5}|")
with open.__class__ and __import__("sys").stdout as out:
    pass
