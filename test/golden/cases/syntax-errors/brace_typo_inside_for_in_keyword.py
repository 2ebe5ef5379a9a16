for x i{n y:
    pass
