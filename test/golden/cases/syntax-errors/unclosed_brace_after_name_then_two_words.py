x{y z
