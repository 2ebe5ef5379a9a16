try:
    pass
except Exception as module_error:
    pass
def f():
    global err
    try:
        pass
    except Exception as err:
        pass
