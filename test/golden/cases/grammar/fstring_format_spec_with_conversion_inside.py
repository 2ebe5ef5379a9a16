f"{x:{y!r}}"
f"{x!r:{y}.{z}f}"
