import sys
print([].__sizeof__(), ().__sizeof__(), (1).__sizeof__(), "ab".__sizeof__(), {}.__sizeof__(), 1.5.__sizeof__())
