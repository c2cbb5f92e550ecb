# feature: language.exceptions.custom
# A custom __init__ can store extra attributes and pass a message to the base class.
class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__("%d %s" % (status, reason))
        self.status = status
        self.reason = reason

try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e.status, e.reason)
    print(e.args)
    print(str(e))
