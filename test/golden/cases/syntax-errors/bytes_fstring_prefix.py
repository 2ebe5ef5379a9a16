x = bf"{y}"
