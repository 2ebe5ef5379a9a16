try:
    import json
except ImportError:
    json = None
if json:
    class A:
        pass
else:
    A = None
