x = obj.ﬁle
obj.ℌ = 1
call(ﬁle=1, **{"k": 2})
from ﬁ import ﬀ as ﬃ
