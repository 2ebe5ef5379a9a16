s = ("a"
     "b"
     "c")
t = "x" "y"
u = """one
two""" "three"
