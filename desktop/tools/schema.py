"""JSON schemas of tool parameters: derived from typed Python signatures, and checked.

The derived schemas keep to the subset that both `FunctionDeclaration.parameters` (Gemini's
OpenAPI-style `Schema`) and `parameters_json_schema` accept: one `type` string per property,
`enum`, `items`, `description`, `required`. Optional parameters are simply not required
(no `null` types, which the `Schema` form cannot express).
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, Union, get_args, get_origin

import jsonschema
from jsonschema import Draft202012Validator

JsonSchema = dict[str, Any]

# Gemini function names: letters, digits, underscore, dot, colon, dash; at most 64 characters.
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$")

_SCALARS: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


class SchemaError(ValueError):
    """A signature or a configured schema that cannot be offered to the model."""


def valid_name(name: str) -> bool:
    return bool(_NAME_RE.match(name))


def safe_name(name: str) -> str:
    """A name the model accepts, made from any string (MCP and config names)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.:-]", "_", name).strip("_") or "tool"
    if not re.match(r"[A-Za-z_]", cleaned[0]):
        cleaned = "t_" + cleaned
    return cleaned[:64]


def function_schema(func: Callable[..., Any]) -> tuple[str, JsonSchema]:
    """(description, parameters schema) of a handler from its annotations and docstring.

    The docstring's first paragraph is the description; an `Args:` section (Google style)
    gives each parameter's description.
    """
    try:
        hints = typing.get_type_hints(func, include_extras=False)
    except Exception as exc:  # unresolvable forward references
        raise SchemaError(f"{func.__name__}: cannot read annotations ({exc})") from exc
    summary, arg_docs = _parse_docstring(inspect.getdoc(func) or "")
    properties: dict[str, JsonSchema] = {}
    required: list[str] = []
    for name, param in inspect.signature(func).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise SchemaError(f"{func.__name__}: *args/**kwargs cannot be declared to the model")
        if name not in hints:
            raise SchemaError(f"{func.__name__}: parameter {name!r} has no type annotation")
        prop, optional = _type_schema(hints[name], f"{func.__name__}.{name}")
        if name in arg_docs:
            prop["description"] = arg_docs[name]
        properties[name] = prop
        if param.default is inspect.Parameter.empty and not optional:
            required.append(name)
    schema: JsonSchema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return summary, schema


def _type_schema(tp: Any, where: str) -> tuple[JsonSchema, bool]:
    """Schema of one annotation, and whether it admits None."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(tp) if a is not type(None)]
        if len(members) != 1:
            raise SchemaError(f"{where}: unions other than Optional[X] are not supported")
        schema, _ = _type_schema(members[0], where)
        return schema, True
    if origin is Literal:
        values = list(get_args(tp))
        kinds = {type(v) for v in values}
        if len(kinds) != 1 or next(iter(kinds)) not in _SCALARS:
            raise SchemaError(f"{where}: Literal values must share one scalar type")
        return {"type": _SCALARS[next(iter(kinds))], "enum": values}, False
    if origin in (list, tuple, typing.Sequence) or tp in (list, tuple):
        args = [a for a in get_args(tp) if a is not Ellipsis]
        array: JsonSchema = {"type": "array"}
        if args:
            array["items"], _ = _type_schema(args[0], where)
        return array, False
    if origin in (dict, Mapping) or tp is dict:
        return {"type": "object"}, False
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}, False
    raise SchemaError(f"{where}: type {tp!r} is not supported in tool parameters")


def _parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """(description: everything before the first section, {parameter: description})."""
    summary: list[str] = []
    args: dict[str, str] = {}
    section = ""
    current = ""
    for raw in doc.splitlines():
        line = raw.strip()
        if re.fullmatch(r"[A-Z][A-Za-z ]*:", line) and _indent(raw) == 0:
            section, current = line[:-1], ""
            continue
        if not section:
            summary.append(line)
        elif section in _ARG_SECTIONS:
            match = re.match(r"^(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$", line)
            if match and _indent(raw) <= 4:
                current = match.group(1)
                args[current] = match.group(2)
            elif current and line:
                args[current] = f"{args[current]} {line}".strip()
    return " ".join(" ".join(summary).split()), args


_ARG_SECTIONS = ("Args", "Arguments", "Parameters")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# --- checking arguments ---------------------------------------------------------------------


class ArgChecker:
    """Validates call arguments against a tool's schema, with messages the model can act on."""

    def __init__(self, schema: Mapping[str, Any], allow_extra: bool = False) -> None:
        try:
            Draft202012Validator.check_schema(dict(schema))
        except jsonschema.SchemaError as exc:
            raise SchemaError(f"invalid parameters schema: {exc.message}") from exc
        self.schema = dict(schema)
        self._validator = Draft202012Validator(self.schema)
        self._props: Mapping[str, Any] = self.schema.get("properties", {}) or {}
        self._allow_extra = allow_extra or self.schema.get("additionalProperties") not in (
            None,
            False,
        )

    def check(self, args: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
        """(arguments to pass on, problem text or "")."""
        fixed = {name: _coerce(self._props.get(name), value) for name, value in args.items()}
        if not self._allow_extra:
            unknown = sorted(n for n in fixed if n not in self._props)
            if unknown:
                known = ", ".join(self._props) or "none"
                return fixed, f"unknown argument(s) {', '.join(unknown)} (parameters: {known})"
        errors = sorted(self._validator.iter_errors(fixed), key=lambda e: list(e.path))
        if errors:
            return fixed, "; ".join(_describe(e) for e in errors[:3])
        return fixed, ""


def _coerce(prop: Any, value: Any) -> Any:
    """Whole floats for integer parameters: JSON numbers from the model may arrive as 3.0."""
    integer = isinstance(prop, Mapping) and prop.get("type") == "integer"
    if integer and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _describe(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in error.absolute_path)
    return f"{where}: {error.message}" if where else error.message
