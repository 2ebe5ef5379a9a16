import weakref
class F:
    def __call__(self, n):
        return n * 2
f = F()
p = weakref.proxy(f)
print(p(21), type(p).__name__)
