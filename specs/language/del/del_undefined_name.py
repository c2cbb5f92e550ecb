# feature: language.del.names
# Deleting a name that is not bound raises NameError, at module level and via global.
try:
    del never_defined
except Exception as e:
    print(type(e).__name__)

def drop():
    global also_missing
    del also_missing

try:
    drop()
except Exception as e:
    print(type(e).__name__)
