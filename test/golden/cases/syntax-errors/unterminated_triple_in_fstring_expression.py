s = f"{'''abc}"
