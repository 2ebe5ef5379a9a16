a and b
a or b
a and b or c
a or b and c
a and b and c
a or b or c
not a and b
not (a and b)
not a or not b
a and not b or c and d
not not a
(a or b) and (c or d)
a < b and c
x and y or z and w or v
