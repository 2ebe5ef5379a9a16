x = fb"x"
