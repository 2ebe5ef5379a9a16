def f():
    global never_assigned_elsewhere
    never_assigned_elsewhere = 1
