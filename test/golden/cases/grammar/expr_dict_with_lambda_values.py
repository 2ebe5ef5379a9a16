ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    **extra,
}
