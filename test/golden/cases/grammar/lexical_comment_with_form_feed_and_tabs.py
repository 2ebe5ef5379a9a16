x = 1	# tab before comment
	# tab-indented comment line
y = 2
