"""Property tests of the settings loader: documents built from the real keys with random
values of random types, random bytes and mutated real files. Loading never raises, every
well-typed key survives, every bad key costs exactly one note, the file is never changed by
loading, and saving writes exactly the keys changed onto whatever the file held.

Derandomized and database-free, so CI runs the same examples every time."""

from __future__ import annotations

import math
import tempfile
import tomllib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.infra.settings import (
    BACKENDS,
    ENDPOINT_SCHEMES,
    LOG_LEVELS,
    SAVED_KEYS,
    SETTINGS_VERSION,
    SPECS,
    VAD_SENSITIVITIES,
    WINDOW_KEYS,
    Settings,
    check_value,
    load_settings,
    save_settings,
)

FUZZ = settings(
    max_examples=75,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
SCALARS = st.one_of(
    TEXT,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 1, 1)),
)
ANY_VALUE = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(TEXT, SCALARS, max_size=3),
)

DEFAULTS = Settings()


def _choices(values: tuple[str, ...]) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    return st.sampled_from(values), TEXT.filter(lambda v: v not in values)


def _ranged(
    make: Callable[..., st.SearchStrategy[Any]], low: Any, high: Any
) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    out_of_range = st.one_of(make(max_value=low - 1), make(min_value=high + 1))
    return make(min_value=low, max_value=high), out_of_range


def _spec_range(key: str) -> tuple[Any, Any]:
    spec = SPECS[key]
    return spec.low, spec.high


FPS_LOW, FPS_HIGH = _spec_range("video_fps")
URLS = st.builds(
    "{}://{}{}".format,
    st.sampled_from(ENDPOINT_SCHEMES),
    st.from_regex(r"[a-z][a-z0-9.-]{0,20}", fullmatch=True),
    st.sampled_from(["", ":8443", "/v1", ":9/x"]),
)

# key -> (well-typed valid values, well-typed values the rules refuse). The limits and
# choices are the settings table's own; the strategies are how to draw around them.
RANGED: dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]] = {
    "backend": _choices(BACKENDS),
    "log_level": _choices(LOG_LEVELS + tuple(v.lower() for v in LOG_LEVELS)),
    "vad_sensitivity": _choices(VAD_SENSITIVITIES),
    "vad_silence_ms": _ranged(st.integers, *_spec_range("vad_silence_ms")),
    "video_long_side": _ranged(st.integers, *_spec_range("video_long_side")),
    "jpeg_quality": _ranged(st.integers, *_spec_range("jpeg_quality")),
    "video_fps": (
        st.floats(min_value=FPS_LOW, max_value=FPS_HIGH),
        st.one_of(
            st.floats(max_value=FPS_LOW, exclude_max=True),
            st.floats(min_value=FPS_HIGH, exclude_min=True),
            st.just(math.nan),
        ),
    ),
    "output_volume": _ranged(st.integers, *_spec_range("output_volume")),
    "retention_days": _ranged(st.integers, *_spec_range("retention_days")),
    "input_gain_db": (
        st.floats(min_value=-20.0, max_value=20.0),
        st.one_of(
            st.floats(max_value=-20.0, exclude_max=True),
            st.floats(min_value=20.0, exclude_min=True),
            st.just(math.nan),
        ),
    ),
    "video_source": (TEXT.filter(lambda v: v.strip() != ""), st.sampled_from(["", "  ", "\t"])),
    "endpoint": (
        st.one_of(st.just(""), URLS),
        TEXT.filter(lambda v: check_value("endpoint", v)[1] is not None),
    ),
}


def test_every_rule_of_the_table_is_fuzzed() -> None:
    ruled = {
        k for k, s in SPECS.items() if s.choices or s.low is not None or s.check or s.normalise
    }
    assert ruled == set(RANGED)


KEYS = [k for k in SAVED_KEYS if k != "version"]


def well_typed(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def good_value(key: str) -> st.SearchStrategy[Any]:
    if key in RANGED:
        return RANGED[key][0]
    default = getattr(DEFAULTS, key)
    return {bool: st.booleans(), str: TEXT}[type(default)]


def bad_value(key: str) -> st.SearchStrategy[Any]:
    default = getattr(DEFAULTS, key)
    wrong_type = ANY_VALUE.filter(lambda v: not well_typed(v, default))
    if key in RANGED:
        return st.one_of(wrong_type, RANGED[key][1])
    return wrong_type


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], set[str], set[str]]:
    """(document, good keys -> value, bad keys, unknown keys)."""
    chosen = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=len(KEYS)))
    doc: dict[str, Any] = {}
    good: dict[str, Any] = {}
    bad: set[str] = set()
    for key in chosen:
        if draw(st.booleans()):
            good[key] = doc[key] = draw(good_value(key))
        else:
            doc[key] = draw(bad_value(key))
            bad.add(key)
    reserved = set(SAVED_KEYS) | set(WINDOW_KEYS) | {"video", "audio", "api_key"}
    unknown = draw(st.lists(TEXT.filter(lambda k: k not in reserved), unique=True, max_size=3))
    for key in unknown:
        doc[key] = draw(ANY_VALUE)
    version = draw(st.sampled_from(["absent", "current", "bad"]))
    if version == "current":
        doc["version"] = SETTINGS_VERSION
    elif version == "bad":
        doc["version"] = draw(st.one_of(TEXT, st.integers(max_value=-1), st.booleans()))
        bad.add("version")
    return doc, good, bad, set(unknown)


def _expected(key: str, value: Any) -> Any:
    return value.upper() if key == "log_level" else value


def _load_text(data: bytes) -> tuple[Settings, list[str], bytes]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(data)
        loaded, notes = load_settings(path)
        return loaded, notes, path.read_bytes()


@FUZZ
@given(documents())
def test_every_good_key_survives_and_every_bad_key_costs_one_note(case: Any) -> None:
    doc, good, bad, unknown = case
    data = tomli_w.dumps(doc).encode()
    loaded, notes, after = _load_text(data)
    assert after == data  # loading never changes the file
    for key, value in good.items():
        assert getattr(loaded, key) == _expected(key, value), key
    for key in bad:
        assert sum(n.startswith(f"Setting {key} = ") for n in notes) == 1, (key, notes)
        if key != "version":
            assert getattr(loaded, key) == getattr(DEFAULTS, key), key
            assert n_default_named(notes, key)
    for key in unknown:
        assert notes.count(f"Unknown setting {key!r} ignored (it stays in the file).") == 1
    assert len(notes) == len(bad) + len(unknown), notes


def n_default_named(notes: list[str], key: str) -> bool:
    [note] = [n for n in notes if n.startswith(f"Setting {key} = ")]
    return "; using the default " in note


@FUZZ
@given(st.binary(max_size=200))
def test_random_bytes_never_raise_and_are_left_alone(data: bytes) -> None:
    loaded, notes, after = _load_text(data)
    assert isinstance(loaded, Settings) and all(isinstance(n, str) for n in notes)
    if after != data:  # only a migration that removes something (a v0 secret) rewrites
        doc = tomllib.loads(data.decode())
        assert "version" not in doc and ({"api_key", "video", "audio"} & doc.keys())


REAL_FILE = tomli_w.dumps(
    {
        "version": 1,
        "backend": "vertex",
        "project": "plant-42",
        "video_fps": 0.5,
        "echo_cancellation": False,
        "system_instruction": "Be brief.\nSay units.",
    }
).encode()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(REAL_FILE)), st.binary(max_size=3)), max_size=4))
def test_mutated_real_files_never_raise(edits: list[tuple[int, bytes]]) -> None:
    data = bytearray(REAL_FILE)
    for at, replacement in edits:
        data[at : at + len(replacement)] = replacement
    loaded, notes, after = _load_text(bytes(data))
    assert isinstance(loaded, Settings)
    assert all(isinstance(n, str) and n for n in notes)
    assert after == bytes(data)


@FUZZ
@given(
    documents(),
    st.dictionaries(st.sampled_from(KEYS), st.none(), max_size=6).flatmap(
        lambda keys: st.fixed_dictionaries({k: good_value(k) for k in keys})
    ),
)
def test_saving_merges_exactly_the_changed_keys_onto_the_file(case: Any, changes: Any) -> None:
    doc, _, _, _ = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_text(tomli_w.dumps(doc))
        loaded, _ = load_settings(path)
        before = dict(loaded.loaded or {})
        for key, value in changes.items():
            setattr(loaded, key, _expected(key, value))
        save_settings(loaded, path)
        written = {k: _expected(k, v) for k, v in changes.items() if before[k] != _expected(k, v)}
        if not written:
            assert path.read_text() == tomli_w.dumps(doc)  # nothing changed: not even rewritten
            return
        on_disk = tomllib.loads(path.read_text())
    expected = {k: v for k, v in doc.items() if k != "version"} | written
    assert _canonical(on_disk) == _canonical(expected)


def _canonical(doc: dict[str, Any]) -> str:
    """Sorted TOML text without the version: compares nan values too (nan != nan)."""
    return tomli_w.dumps({k: doc[k] for k in sorted(doc) if k != "version"})
