obj.attr = 1
obj.a.b.c = 2
seq[0] = 3
seq[1:2] = [4]
seq[::2] = 5
m[1, 2] = 6
f().x = 7
f()[0] = 8
