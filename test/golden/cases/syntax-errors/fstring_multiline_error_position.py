x = 1
s = f"""line one
line two {a b}
"""
