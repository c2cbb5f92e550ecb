# feature: builtins.numeric.round
# round(x, n) rounds the exact binary value: 2.675 is stored just below
# 2.675, so CPython gives 2.67; likewise 1.005 and 0.125 (exact, half-even).
print(round(2.675, 2))
print(round(1.005, 2))
print(round(0.125, 2), round(0.375, 2))
print(round(2.665, 2))
