r = (a < b
     < c)
s = (a and
     b or
     c)
