(x := 1): int
