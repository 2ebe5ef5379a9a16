x = (a)
y = (  a + b  )
z = (a,
     b)
w = ((a), (b))
v = (
    a
)
