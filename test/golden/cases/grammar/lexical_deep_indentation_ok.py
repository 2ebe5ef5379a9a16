if a:
 if b:
  if c:
   if d:
    if e:
     if f:
      if g:
       if h:
        x = 1
