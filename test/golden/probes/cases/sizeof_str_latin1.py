import sys
for s in ["\xe9", "caf\xe9", "\xff" * 10]:
    print(len(s), sys.getsizeof(s))
