import sys
print(sys.getrefcount(1000000) )
