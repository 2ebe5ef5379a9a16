msg = (
    f"first {a} "
    f"second {b} "
    "third "
    f"fourth {c}"
)
