_private = 1
__dunder__ = 2
var1 = 3
_1 = 4
a_b_c_1_2 = 5
__ = 6
