# feature: language.decorators.class_decorators
# Stacked class decorators apply bottom-up and each sees the previous result.
order = []

def first(cls):
    order.append("first")
    cls.tags = ["first"]
    return cls

def second(cls):
    order.append("second")
    cls.tags = cls.tags + ["second"]
    return cls

@second
@first
class Tagged:
    pass

print(order, Tagged.tags)
