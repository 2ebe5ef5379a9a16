f(x for x in y)
f(  x for x in y  )
g(
    x
    for x in y
)
