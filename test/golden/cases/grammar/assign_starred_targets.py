first, *rest = [1, 2, 3]
*init, last = range(5)
a, *b, c = "hello"
[x, *y] = (1, 2)
(*z,) = [9]
