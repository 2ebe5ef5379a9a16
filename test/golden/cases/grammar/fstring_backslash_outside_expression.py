f"\n{x}\t"
f"\{x}"
f"\\{x}"
f"a\
b{x}"
rf"\{x}"
