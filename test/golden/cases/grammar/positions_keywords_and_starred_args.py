f(a=1, *b, **c)
f(
    key = value,
    *rest,
    **more
)
