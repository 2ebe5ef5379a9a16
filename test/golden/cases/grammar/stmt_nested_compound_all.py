def f():
    for i in range(3):
        while i:
            try:
                with ctx() as c:
                    if c:
                        match c:
                            case 1:
                                return
            finally:
                i -= 1
