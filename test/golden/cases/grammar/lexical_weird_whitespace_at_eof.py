if x:
    pass
	 