[[j for j in (k := range(i))] for i in range(3)]
