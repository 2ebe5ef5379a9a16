import sys
print(None is type(None)(), bool(1) is True, (1 == 1) is True)
