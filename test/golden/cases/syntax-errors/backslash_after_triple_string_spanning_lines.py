"""contains "quotes" and 'apostrophes'""**k"
'''ends with quote"'''
"""\"""escaped"""
