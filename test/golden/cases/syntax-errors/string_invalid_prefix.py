x = bu"x"
