import sys
e = ""
t = ()
print(e is str(), t is tuple(), tuple([]) is t, "abc"[3:] is e)
