s = "a" f"b" "c"
t = f"a" "b" f"{x}" "c" "d" f"e{y}f" "g"
u = "" f"" ""
v = f"{x}" "" f"{y}"
