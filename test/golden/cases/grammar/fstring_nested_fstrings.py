f"{f'{x}'}"
f'''{f"{f'{x}'}" if y else ''}'''
f"{x:{f'{w}'}}"
f'{f"{1}"!r}'
