g = async lambda: 1
