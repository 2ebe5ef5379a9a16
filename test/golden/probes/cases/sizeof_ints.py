import sys
for v in [0, 1, -1, 255, 2**30-1, 2**30, 2**60, 2**90, -(2**100), 10**100]:
    print(v.bit_length(), sys.getsizeof(v))
