print("hello")
x = len([1, 2])
y = x.bit_length()
