s = "😀😀"; n = len(s)
t = ("🐍", x)
