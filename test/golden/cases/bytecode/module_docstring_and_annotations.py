"""Module doc."""
x: int = 1
y: str
