s = ("plain "
     f"{x!q}")
