def f():
    import os
    from os import path
    return os, path
class C:
    import sys
    from os import sep
