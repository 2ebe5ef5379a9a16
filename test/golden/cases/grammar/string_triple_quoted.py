"""triple
double"""
'''triple
single'''
"""contains "quotes" and 'apostrophes'"""
'''ends with quote"'''
"""\"""escaped"""
b"""bytes
multi"""
r"""raw\
line"""
