# feature: types.str.format
# Float formatting rounds the exact binary value, halves to even: 2.5 -> "2",
# 0.125 -> "0.12", and 2.675 (stored slightly below) -> "2.67".
print("{:.0f} {:.0f} {:.0f}".format(0.5, 1.5, 2.5))
print("{:.2f} {:.2f}".format(0.125, 0.375))
print("{:.2f} {:.1f}".format(2.675, 0.25))
