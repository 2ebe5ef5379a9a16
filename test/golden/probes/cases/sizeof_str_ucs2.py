import sys
for s in ["\u0100", "\u20ac" * 5, "abc\u4e2d"]:
    print(len(s), sys.getsizeof(s))
