import sys
a = sys.intern("".join(["hel", "lo!"]))
b = sys.intern("hello!")
print(a is b)
c = "hello!"
print("".join(["hel", "lo!"]) is c, sys.intern("".join(["hel", "lo!"])) is c)
