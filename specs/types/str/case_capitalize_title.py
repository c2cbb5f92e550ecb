# feature: types.str.case
# capitalize(), title() and swapcase().
print("hello WORLD".capitalize())
print("hello wORLD it's".title())
print("Hello World".swapcase())
print("".capitalize(), "1st place".capitalize(), "1st place".title())
