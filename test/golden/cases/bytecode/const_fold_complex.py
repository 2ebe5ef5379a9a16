a = 1 + 2j
b = 3j * 2
c = -1j
d = 1.5 - 0j
