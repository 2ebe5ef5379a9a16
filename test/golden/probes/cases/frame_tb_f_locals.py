# tb_frame.f_locals of frames that raised shows their variables after they finished;
# frame.clear() drops them (and refuses on a running frame).
import sys


def inner(x, y=2):
    z = [x, y]
    cell = "captured"

    def use():
        return cell
    1 / 0


def middle(n):
    m = n * 10
    inner(m)


try:
    middle(4)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for fr in frames:
        loc = fr.f_locals
        print(fr.f_code.co_name, sorted(k for k in loc if not k.startswith("__")))
    print(frames[-1].f_locals["z"], frames[-1].f_locals["cell"], frames[-2].f_locals["m"])
    print(frames[-1].f_back is frames[-2], frames[-2].f_back is frames[0])
    print(sys.exc_info()[2].tb_next.tb_frame.f_locals["n"])
    print(frames[-1].f_lineno, frames[-2].f_lineno)
    frames[-1].clear()
    print("cleared", sorted(frames[-1].f_locals))
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    del frames, fr, loc


def keep():
    a = "kept"
    return sys._getframe()


fr = keep()
print(fr.f_locals, fr.f_code.co_name, fr.f_back is None)
fr.clear()
print(fr.f_locals)
