x = a[*b:]
