match x:
    case [1, 2] as pair:
        pass
    case (1 | 2) as num:
        pass
    case Point(x=0) as p:
        pass
    case [a as b, *c]:
        pass
    case _ as anything:
        pass
