import sys
for s in ["", "a", "ab", "hello world", "x" * 100]:
    print(len(s), sys.getsizeof(s))
