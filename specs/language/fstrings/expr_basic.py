# feature: language.fstrings.expressions
# Arbitrary expressions, calls, indexing and conditionals in replacement fields.
items = [3, 1, 2]
d = {"key": "val"}
print(f"{len(items)} {sorted(items)} {items[-1]} {items[0] * 10}")
print(f"{d['key']} {'yes' if items else 'no'} {max(items) - min(items)}")
print(f"{'nested ' + f'{1 + 1}'}")
print(f"{{literal}} {{{len(d)}}}")
print(f"{ items[0] }|{(1, 2)}|{ {'a': 1}['a'] }")
