g = lambda x=(yield): x
