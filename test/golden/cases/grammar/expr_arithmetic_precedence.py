a + b * c
(a + b) * c
a - b - c
a - (b - c)
a * b / c // d % e @ f
a + b * c ** d
-a ** b
(-a) ** b
a ** -b
a ** b ** c
(a ** b) ** c
~a + -b - +c
--a
not -a
