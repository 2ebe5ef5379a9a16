g = lambda x:
