a if b else c
a if b else c if d else e
(a if b else c) if d else e
x = 1 if y else 2
f(a if b else c)
lambda: a if b else c
a or b if c and d else e or f
