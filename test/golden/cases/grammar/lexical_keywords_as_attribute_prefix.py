x.if_ = 1
x.match = 2
x.case = 3
x._ = 4
iff = ifx = 5
classy = None
not_ = 1
