import threading
i{mport time

class PingTest:
    pass
