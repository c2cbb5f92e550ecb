# feature: language.async.async_with
# A truthy result from __aexit__ suppresses the body's exception.
class Quiet:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.seen = exc_type.__name__ if exc_type else None
        return exc_type is KeyError

async def main(exc):
    q = Quiet()
    try:
        async with q:
            raise exc
        return "suppressed " + q.seen
    except Exception as e:
        return "raised " + type(e).__name__

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

print(run(main(KeyError)))
print(run(main(ValueError)))
