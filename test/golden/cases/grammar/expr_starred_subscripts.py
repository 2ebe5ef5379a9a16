a[*b]
a[*b, c]
a[1, *b]
a[*b] = c
del a[*b]
x: A[*Ts]
