# feature: stdlib.asyncio.tasks
# requires: asyncio
# In CPython asyncio.sleep() returns a coroutine, usable with run and create_task
import asyncio

s = asyncio.sleep(0)
print(type(s).__name__)
try:
    print(asyncio.run(s))
except TypeError:
    print("TypeError")
