f"a{b"
