import platform
print(platform.python_version(), platform.system(), platform.machine(), platform.python_implementation(), platform.architecture(), platform.python_version_tuple(), platform.uname().system)
