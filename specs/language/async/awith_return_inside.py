# feature: language.async.async_with
# Returning from inside async with still awaits __aexit__ before the value is delivered.
log = []

class Scope:
    async def __aenter__(self):
        log.append("enter")
        return 7

    async def __aexit__(self, *a):
        log.append("exit")

async def main():
    async with Scope() as v:
        return v * 6

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value, log)
