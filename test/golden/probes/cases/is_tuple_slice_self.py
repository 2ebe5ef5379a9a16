import sys
t = (1, 2, 3)
print(t[:] is t, tuple(t) is t, t[0:3] is t)
