match -x: 1
