class C:
    import os
    from sys import path as search_path
    def m(self):
        return os
