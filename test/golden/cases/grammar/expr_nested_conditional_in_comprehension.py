[a if a else b if b else c for a, b, c in rows]
