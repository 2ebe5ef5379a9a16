import sys
saved = None
try:
    raise KeyError(1)
except KeyError as e:
    saved = e
print(sys.getrefcount(saved))
