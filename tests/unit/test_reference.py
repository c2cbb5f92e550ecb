import os
import sqlite3
import sys

import pytest

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
    ref.close()
    again.close()


def test_uncaught_exception_is_part_of_the_reference(tmp_path, make_spec):
    spec = make_spec("boom", "print('a')\n{}['k']\n")
    ref = Reference(tmp_path)
    expected = ref.expected(spec)
    ref.close()
    assert (expected.stdout, expected.exit_code, expected.exception) == ("a\n", 1, "KeyError")


def test_exp_sidecar_overrides_cpython(tmp_path, make_spec):
    spec = make_spec("mp", "import micropython\n")
    spec.path.with_suffix(".exp").write_text("only on micropython\r\n")
    from harness.spec import load_spec

    spec = load_spec(spec.path, spec.path.parent)
    ref = Reference(tmp_path)
    assert ref.expected(spec).stdout == "only on micropython\n"
    assert ref.stats.sidecar == 1 and ref.stats.computed == 0
    ref.close()


def test_hash_seed_is_fixed(tmp_path, make_spec):
    spec = make_spec("order", "print(list({'alpha', 'beta', 'gamma', 'delta'}))\n")
    references = [Reference(tmp_path / str(n)) for n in range(3)]
    outputs = {ref.compute(spec).stdout for ref in references}
    for ref in references:
        ref.close()
    assert len(outputs) == 1


def _specs(make_spec, count):
    return [make_spec(f"s{n}", f"import sys\nprint({n} * 7)\nsys.exit({n % 3})\n") for n in range(count)]


def test_prefetched_references_are_the_computed_ones(tmp_path, make_spec):
    specs = _specs(make_spec, 6)
    ref = Reference(tmp_path / "cache")
    assert ref.prefetch(specs) == 6
    # Asked for out of order: a spec the servers have not reached is computed at once.
    got = {spec.id: ref.expected(spec) for spec in reversed(specs)}
    ref.close()
    for n, spec in enumerate(specs):
        assert (got[spec.id].stdout, got[spec.id].exit_code) == (f"{n * 7}\n", n % 3)
    assert (ref.stats.computed, ref.stats.cached) == (6, 0)
    again = Reference(tmp_path / "cache")
    assert again.prefetch(specs) == 0  # all stored
    assert [again.expected(s) for s in specs] == [got[s.id] for s in specs]
    assert (again.stats.computed, again.stats.cached) == (0, 6)
    again.close()


def test_close_keeps_what_the_background_finished(tmp_path, make_spec):
    specs = _specs(make_spec, 8)
    ref = Reference(tmp_path / "cache")
    ref.prefetch(specs)
    assert ref.expected(specs[0]).stdout == "0\n"
    pids = [pid for server in ref._servers for pid in server.pids()]
    ref.close()  # the rest not asked for: what had not started is dropped
    with sqlite3.connect(tmp_path / "cache" / "references.sqlite") as db:
        [(stored,)] = db.execute("SELECT count(*) FROM reference")
    assert 1 <= stored == ref.stats.computed <= 8
    for pid in pids:  # the fork servers are gone (killed and reaped)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    fresh = Reference(tmp_path / "cache")
    assert [fresh.expected(s).stdout for s in specs] == [f"{n * 7}\n" for n in range(8)]
    assert fresh.stats.cached + fresh.stats.computed == 8
    fresh.close()


def test_an_unusable_cache_file_only_costs_the_cache(tmp_path, make_spec, caplog):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "references.sqlite").write_bytes(b"not a database, " * 64)
    spec = make_spec("hi", "print('hi')\n")
    ref = Reference(tmp_path / "cache")
    assert ref.expected(spec).stdout == "hi\n" and ref.expected(spec).stdout == "hi\n"
    assert (ref.stats.computed, ref.stats.cached) == (1, 1)  # kept in memory for the run
    assert "reference cache" in caplog.text and "references.sqlite" in caplog.text
    ref.close()
