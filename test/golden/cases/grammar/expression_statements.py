1
"docstring-like but not first"
x
f()
...
a.b
x[0]
-x
not x
