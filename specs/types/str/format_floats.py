# feature: types.str.format
# Float presentation types: fixed, exponent, general and percent.
print("{:.2f} {:.0f} {:8.3f} {:+.1f}".format(3.14159, 2.7, -1.5, 2.25001))
print("{:e} {:.2E}".format(12345.678, 0.000123))
print("{:g} {:g} {:.3g}".format(0.00001, 123456789.0, 3.14159))
print("{:.1%} {:%}".format(0.256, 0.5))
print("{:010.3f} {:^9.2f}|".format(-3.14159, 2.5))
