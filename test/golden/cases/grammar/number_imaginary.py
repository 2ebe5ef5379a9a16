1j
1J
1.5j
.5j
1e3j
0j
1_0j
10.e-2J
