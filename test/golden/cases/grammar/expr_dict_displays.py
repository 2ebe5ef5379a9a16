{}
{1: 2}
{1: 2, 3: 4,}
{**a}
{**a, 1: 2, **b}
{"k": {"nested": [1]}}
{(1, 2): "tuple key", None: None}
{a: b for a, b in c}
