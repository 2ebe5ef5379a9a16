assert x, "a", "b"
