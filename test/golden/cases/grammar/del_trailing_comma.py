del a,
del (b,)
del [c,]
