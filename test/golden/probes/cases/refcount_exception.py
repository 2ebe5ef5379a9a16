import sys
try:
    raise ValueError("x")
except ValueError as e:
    print(sys.getrefcount(e))
