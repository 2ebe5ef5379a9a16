s = f"{x}
