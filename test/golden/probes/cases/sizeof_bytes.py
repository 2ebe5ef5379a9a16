import sys
for b in [b"", b"a", b"abc" * 10]:
    print(len(b), sys.getsizeof(b))
