1 .real
1..real
1.0.real
1j.imag
0x1.real if False else 0
(1).bit_length()
