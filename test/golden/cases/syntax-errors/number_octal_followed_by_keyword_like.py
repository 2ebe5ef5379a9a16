x = 0o1and_
