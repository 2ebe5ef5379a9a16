{k: for k in x}
