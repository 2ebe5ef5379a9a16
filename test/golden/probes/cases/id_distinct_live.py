import sys
objs = [object() for _ in range(100)]
print(len(set(map(id, objs))))
