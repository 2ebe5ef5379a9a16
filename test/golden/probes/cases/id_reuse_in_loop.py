import sys
ids = set()
for i in range(10):
    x = [i]
    ids.add(id(x))
    del x
print(len(ids))
