f"""not a docstring {1}"""
x = 1
