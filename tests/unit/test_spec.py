from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.spec import discover, load_spec, parse_header


def test_header_fields_are_parsed():
    meta = parse_header(
        "# feature: language.comprehension.dict\n# tags: core, small\n# timeout: 2.5\n"
        "# requires: cmath json\n# Note: prose with a colon is allowed\nprint(1)\n",
        "x.py",
    )
    assert meta == {
        "feature": "language.comprehension.dict",
        "tags": ("core", "small"),
        "timeout": 2.5,
        "requires": ("cmath", "json"),
    }


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("print(1)\n", 1, "no '# feature: <id>' line"),
        ("# feature: a.b\n# feture: c\n", 2, "unknown header key 'feture'"),
        ("# feature: a.b\n# timeout: soon\n", 2, "timeout 'soon' is not a number"),
        ("# feature: a.b\n# timeout: -1\n", 2, "out of range"),
        ("# feature: a b\n", 1, "bad feature id"),
        ("# feature: a.b\n# feature: a.c\n", 2, "given twice"),
    ],
)
def test_malformed_header_names_file_and_line(text, line, message):
    with pytest.raises(HarnessError) as err:
        parse_header(text, "specs/x.py")
    assert str(err.value).startswith(f"specs/x.py:{line}: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_sidecars_change_the_content_hash(tmp_path: Path):
    spec_path = tmp_path / "a.py"
    spec_path.write_text("# feature: a.b\nprint(1)\n")
    first = load_spec(spec_path, tmp_path)
    assert first.expected_path is None
    (tmp_path / "a.exp").write_text("1\n")
    second = load_spec(spec_path, tmp_path)
    assert second.expected_path == tmp_path / "a.exp"
    assert second.content_hash != first.content_hash
    assert second.id == "a"


def test_discover_sorts_and_skips_helpers(tmp_path: Path):
    for rel in ("b/two.py", "a/one.py", "a/_helper.py", "a/conftest.py", "a/notes.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# feature: a.b\n")
    assert [s.id for s in discover(tmp_path)] == ["a/one", "b/two"]


def test_discover_missing_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(HarnessError, match="no such spec file or directory"):
        discover(tmp_path, [tmp_path / "nope"])
