# feature: language.fstrings.format_spec
# Float presentation types and precision.
x = 3.14159
print(f"{x:.2f} {x:.0f} {x:8.3f}| {x:<8.1f}|")
print(f"{x:e} {x:.2E} {1234.5:.3g} {0.00001:g}")
print(f"{0.25:%} {0.25:.1%} {-x:+.1f} {x:+.1f}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {-0.5:.0f}")
print(f"{7:.2f} {7:e}")
