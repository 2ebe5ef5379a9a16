a = 1; b = 2; c = 3
x = 1;
if a: b; c
for i in x: pass; continue
def f(): x = 1; return x
import os; import sys
