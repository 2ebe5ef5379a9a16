1 if x else 2
x = [0 for i in y]
y = 1 or 2
1 in x
