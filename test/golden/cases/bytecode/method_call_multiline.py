def f(o):
    return (o
        .first()
        .second(
            1,
            2)
    )
