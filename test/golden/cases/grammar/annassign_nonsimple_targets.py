(x): int = 1
(y): int
obj.attr: str = "a"
obj.other: str
seq[0]: float = 1.0
seq[1]: list
