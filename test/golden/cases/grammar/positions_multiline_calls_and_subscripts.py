result = compute(
    first,
    second=2,
)[
    0
].attr
