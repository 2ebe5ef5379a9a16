f(*a)
[*a]
(*a,)
{*a}
*a, = b
a, *b = c
print(*a, sep="")
x = *a, *b
for x in *a, *b: pass
def f(): return *a, *b
def g(): yield *a, *b
