import sys
try:
    sys.intern(1)
except TypeError as e:
    print(e)
