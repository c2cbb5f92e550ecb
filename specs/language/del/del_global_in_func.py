# feature: language.del.names
# del with a global declaration removes the module-level name.
counter = 3

def drop():
    global counter
    del counter

print("counter" in globals())
drop()
print("counter" in globals())
counter = 4
print(counter)
