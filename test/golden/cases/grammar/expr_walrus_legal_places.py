if (n := len(a)) > 10:
    pass
while (chunk := read()):
    pass
[y := f(x), y ** 2]
[y for x in data if (y := f(x))]
print(z := 1)
f(a, b := 2)
x = (y := 3)
foo(x=(y := 4))
a[b := 1]
a[b := 1, c := 2]
{(d := 1): 2}
{e := 1}
lambda: (f := 1)
assert (g := 1)
h = [i := 0, i := i + 1]
(j := 5)
