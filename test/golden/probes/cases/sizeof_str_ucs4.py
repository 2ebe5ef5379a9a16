import sys
for s in ["\U0001F600", "a\U0001F600b"]:
    print(len(s), sys.getsizeof(s))
