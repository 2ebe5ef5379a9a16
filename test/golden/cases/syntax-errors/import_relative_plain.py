import .mod
