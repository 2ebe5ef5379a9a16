assert x
assert x, "message"
assert (x, "tuple is always true")
assert not x, f"bad {x}"
assert x == 1 and y, (1, 2)
