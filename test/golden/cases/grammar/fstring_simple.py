f"hello"
f"{x}"
f"a{x}b{y}c"
f"{x}{y}"
f''
f"{{literal braces}}"
f"{{{x}}}"
