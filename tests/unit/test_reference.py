import sys

from harness.reference import Reference


def test_reference_is_cached_by_content_and_version(tmp_path, make_spec):
    spec = make_spec("hello", "import sys\nprint('hi', 2 ** 70)\nsys.exit(4)\n")
    ref = Reference(tmp_path / "cache")
    first = ref.expected(spec)
    assert (first.stdout, first.exit_code, first.exception) == ("hi 1180591620717411303424\n", 4, None)
    assert ref.version == f"cpython-{'.'.join(map(str, sys.version_info[:3]))}"

    again = Reference(tmp_path / "cache")
    assert again.expected(spec) == first
    assert (again.stats.cached, again.stats.computed) == (1, 0)

    changed = make_spec("hello", "print('bye')\n")
    assert again.expected(changed).stdout == "bye\n"
    assert again.stats.computed == 1


def test_uncaught_exception_is_part_of_the_reference(tmp_path, make_spec):
    spec = make_spec("boom", "print('a')\n{}['k']\n")
    expected = Reference(tmp_path).expected(spec)
    assert (expected.stdout, expected.exit_code, expected.exception) == ("a\n", 1, "KeyError")


def test_exp_sidecar_overrides_cpython(tmp_path, make_spec):
    spec = make_spec("mp", "import micropython\n")
    spec.path.with_suffix(".exp").write_text("only on micropython\r\n")
    from harness.spec import load_spec

    spec = load_spec(spec.path, spec.path.parent)
    ref = Reference(tmp_path)
    assert ref.expected(spec).stdout == "only on micropython\n"
    assert ref.stats.sidecar == 1 and ref.stats.computed == 0


def test_hash_seed_is_fixed(tmp_path, make_spec):
    spec = make_spec("order", "print(list({'alpha', 'beta', 'gamma', 'delta'}))\n")
    outputs = {Reference(tmp_path / str(n)).compute(spec).stdout for n in range(3)}
    assert len(outputs) == 1
