x = 1  # ends with backslash \
y = 2
