a < b
a < b < c
a == b != c <= d >= e > f
a is b
a is not b
a in b
a not in b
a < b == c is not d not in e
x < (y < z)
(x < y) < z
1 < x + 1 < 2
