import sys
try:
    sys.getrefcount()
except TypeError as e:
    print(e)
