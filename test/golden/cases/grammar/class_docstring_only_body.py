class Empty:
    """Only a docstring."""
class AlsoEmpty:
    ...
