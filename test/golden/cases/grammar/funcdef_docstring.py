def f():
    """Docstring."""
    return 1
def g():
    'single-quoted docstring'
class C:
    "class docstring"
"""module docstring is not first here"""
