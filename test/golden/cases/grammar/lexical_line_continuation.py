x = 1 + \
    2
if a and \
   b:
    pass
assert x, \
    "msg"
y = \
\
3
with a as b, \
     c as d:
    pass
