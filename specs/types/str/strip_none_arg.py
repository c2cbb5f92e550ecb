# feature: types.str.join_strip
# Passing None as the characters argument means "strip whitespace".
print(repr("  a  ".strip(None)), repr("  a  ".lstrip(None)), repr("  a  ".rstrip(None)))
