# feature: stdlib.json.loads
# requires: json
# Number forms: ints stay int (arbitrary size), fractions and exponents give float
import json

print(json.loads("0"), json.loads("-0"))
print(json.loads("123456789012345678901234567890"))
print(json.loads("2.5"), json.loads("-0.125"))
print(json.loads("1e3"), json.loads("1E-2"), json.loads("2e+1"))
print(type(json.loads("1e3")).__name__)
print(json.loads("[1.0, 10, -7]"))
