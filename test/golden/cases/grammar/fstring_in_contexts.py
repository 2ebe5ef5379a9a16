print(f"{x}")
def f():
    """Not a docstring when it is an f-string? This one is plain."""
    f"""not a docstring: {x}"""
assert x, f"{x} is bad"
raise ValueError(f"bad value {value!r}")
