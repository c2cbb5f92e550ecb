# feature: types.str.format
# The , and _ options group digits by thousands.
print("{:,}".format(1234567), "{:_}".format(1234567), "{:,}".format(-999))
print("{:,.2f}".format(1234567.891), "{:_x}".format(0xDEADBEEF))
