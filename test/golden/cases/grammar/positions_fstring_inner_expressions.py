s = f"abc {x} def {y + z!r:>{w}} ghi"
t = f"{a}" f"{b}" "c" f"{d}"
u = "plain" f" {e} "
