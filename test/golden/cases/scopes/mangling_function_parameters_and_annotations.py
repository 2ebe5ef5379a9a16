class C:
    def m(self, __a: int, *__args, __kw=1, **__kwargs) -> None:
        __local: int = __a
        return __local
