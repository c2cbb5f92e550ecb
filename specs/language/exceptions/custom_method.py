# feature: language.exceptions.custom
# Exceptions are ordinary classes: they can have methods and class attributes.
class ParseError(Exception):
    severity = "error"

    def describe(self):
        return "%s: %s" % (self.severity, self.args[0])

class ParseWarning(ParseError):
    severity = "warning"

errs = []
for cls, msg in ((ParseError, "bad token"), (ParseWarning, "odd spacing")):
    try:
        raise cls(msg)
    except ParseError as e:
        errs.append(e.describe())
print(errs)
