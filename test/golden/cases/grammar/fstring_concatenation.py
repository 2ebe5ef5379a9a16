"plain" f"{x}"
f"{x}" "plain"
"a" f"{b}" "c" f"{d}"
f"{a}" f"{b}"
("line one "
 f"{x} "
 "line three")
x = ("a"
     "b"
     f"c{d}")
