a = 1 < 2
b = "a" == "a"
c = None is None
