a.b.c.d
a().b().c()
a[0][1][2]
a.b(c)[d].e(f=g)[h:i].j
f()()()
x[0]()[1]
(a).b
"str".join(x)
1 .real
1.0.real
(1).imag
