import os.path
import collections.abc as cabc
def f():
    import json.decoder
    from os import sep as separator
    return json, separator
