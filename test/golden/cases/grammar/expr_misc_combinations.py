a if b else lambda: c
[*(a := b)]
f(**a, **b)
x = not a < b
y = a if (b := c) and d else e
z = (yield_ := 1) + 2
