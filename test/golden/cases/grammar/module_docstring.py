"""Module docstring.

More text.
"""
import os
x = 1
