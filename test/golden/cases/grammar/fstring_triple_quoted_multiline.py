msg = f"""
Name: {name}
Age:  {
    age
}
"""
other = f'''{
a +
b
}'''
