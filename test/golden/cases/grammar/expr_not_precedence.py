not a == b
not a in b
not a is b
(not a) == b
not a + b
x = not a
