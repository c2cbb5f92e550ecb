# feature: language.async.async_with
# tags: core
# async with awaits __aenter__ and __aexit__ around the body.
log = []

class Conn:
    async def __aenter__(self):
        log.append("open")
        return "conn"

    async def __aexit__(self, exc_type, exc, tb):
        log.append("close %s" % (exc_type.__name__ if exc_type else None))
        return False

async def main():
    async with Conn() as c:
        log.append("use " + c)
    return "finished"

co = main()
try:
    co.send(None)
except StopIteration as e:
    log.append(e.value)
print(log)
