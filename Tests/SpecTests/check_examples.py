#!/usr/bin/env python3
"""Checks the hand-written OpenAPI 3.1 specs beyond what openapi-spec-validator checks.

Usage:
    python3 Tests/SpecTests/check_examples.py specs/*.yaml

For each spec:
  (a) every example (media-type `example`/`examples`, parameter and header examples, in
      paths, webhooks and components) validates against its schema with
      openapi_schema_validator.OAS31Validator; local `$ref`s resolve against the whole spec
      document (registered as one resource). `format` is not asserted: the specs use
      `format: date-time` as an annotation for provider dates without a timezone.
  (b) every JSON key in an example is described: it is in `properties` of the (merged,
      through $ref/allOf, oneOf/anyOf by trying each) schema, or that schema has
      `additionalProperties` that is `true` or a schema.
  (c) every schema, property, parameter and operation has a non-empty `description`
      (operations also `summary` and `operationId`); enum descriptions are parallel to
      the values; no `format: uuid`; the YAML holds only JSON-compatible values.
  (d) every seed example (hard-coded below, copied from the seeds) appears, deep-equal,
      among the spec's examples.

These are the house style of this project's own specs (api4com, plusofon, thulium): lint_specs.py
runs them on those, and on another spec only when it opts in.

Exits 1 and prints every problem once, as `file:line:column: error: message`, on failure; prints
one summary line per spec on success.
"""

import json
import re
import sys
from urllib.parse import quote

import yaml
from openapi_schema_validator import OAS31Validator
from spec_locations import SpecLocations, diagnostic
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_URI = "urn:telephony-webhooks:spec"


def loads_lenient(text):
    """json.loads that tolerates the trailing commas of the Api4Com doc example."""
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))


# Seed examples, copied exactly from /work/shared/seeds (and, where noted, the [DOC]
# samples quoted in providers.md). Keyed by the spec's info.x-swift-namespace.
SEED_EXAMPLES = {
    "Api4Com": [
        ("integration example (seed 000)", """{
"id": 1,
"gateway": "integration-code",
"webhook": true,
"webhookConstraint": {
"gateway": "integration-code",
},
"metadata": {
"api_token": "123456",
}
}"""),
        ("dialer example (seed 000)", """{
"extension": "1000",
"phone": "+554833328530",
"metadata": {
"gateway": "integration-code"
}
}"""),
        ("OFFICIAL_HANGUP webhook fixture (providers.md 1.4)", """{
  "version": "v1.4",
  "eventType": "channel-hangup",
  "id": "2ee13fa4-975c-499d-bbb8-5177ff418316",
  "domain": "seudominio.api4com.com",
  "direction": "outbound",
  "caller": "1000",
  "called": "04833328530",
  "startedAt": "2025-01-01 00:00:00",
  "answeredAt": "2025-01-01 00:00:05",
  "endedAt": "2025-01-01 00:00:10",
  "duration": 5,
  "hangupCause": "NORMAL_CLEARING",
  "hangupCauseCode": "16",
  "recordUrl": "https://listener.api4com.com/files/listen/2ee13fa4-975c-499d-bbb8-5177ff418316.mp3",
  "metadata": { "gateway": "grid-podium", "cnpj": "12.345.678/0001-90" }
}"""),
    ],
    "Plusofon": [
        ("list response (seed 001)", r"""{
"current_page": 1,
"data": [
{
"id": 5,
"url": "https:\/\/test.com\/hook-in",
"type_call": "inbound",
"type": "lk",
"event": "destroy"
},
{
"id": 6,
"url": "https:\/\/test.com\/hook-out",
"type_call": "outbound",
"type": "lk",
"event": "create"
}
],
"first_page_url": "http:\/\/localhost\/api\/v1\/webhooks?page=1",
"from": 1,
"last_page": 1,
"last_page_url": "http:\/\/localhost\/api\/v1\/webhooks?page=1",
"next_page_url": null,
"path": "http:\/\/localhost\/api\/v1\/webhooks",
"per_page": 15,
"prev_page_url": null,
"to": 2,
"total": 2
}"""),
        ("get response (seed 001)", r"""{
"id": 5,
"params": [
{
"name": "my-param",
"value": "my-param value"
}
],
"url": "https:\/\/test.com\/hook",
"type_call": "inbound",
"type": "lk",
"event": "destroy",
"fields": [
{
"before": "call_id",
"after": "my_call_id"
},
{
"before": "direction",
"after": "my_direction"
}
],
"type_style": "short",
"template": null,
"headers": [
{
"name": "my-header",
"value": "my_header_value"
}
]
}"""),
        ("create request body (seed 001)", r"""{"url":"http:\/\/my-url.com","event":"create","type_call":"all","type_style":"long","headers":[{"name":"Special-Header","value":"header_value"}],"params":[{"name":"special_parameter","value":"123"}],"fields":[{"before":"to","after":"dest_number"}],"template":"quos"}"""),
        ("update request body (seed 001)", r"""{"url":"http:\/\/my-url.com","event":"create","type_call":"all","type_style":"long","headers":[{"name":"Special-Header","value":"header_value"}],"params":[{"name":"special_parameter","value":"123"}],"fields":[{"before":"to","after":"dest_number"}],"template":"expedita"}"""),
        ("success response (seed 001)", """{
"success": true
}"""),
    ],
    "Thulium": [
        ("create request (seed 002)", r"""{"actions":["CHAT_CONVERSATION_CREATED"],"subscription_url":"https:\/\/example.pl"}"""),
        ("create response (seed 002)", """{
        "id": 5,
        "actions": ["CHAT_CONVERSATION_CREATED"],
        "subscription_url": "https://example.pl",
        "http_auth_user": "",
        "http_auth_password": ""
}"""),
        ("get_webhooks response (providers.md 3.2, [DOC])", """[{"id":1,"actions":["CHAT_AGENT_ASSIGNED"],"subscription_url":"https://example.com/","http_auth_user":"","http_auth_password":""}]"""),
        ("error body (providers.md 3.4, [DOC])", """{
    "request_id": "53678450401cf",
    "errors": [
      {"message": "Wrong format of phone number.", "code": 111111},
      {"message": "Duplicated customer name.", "code": 222222}
    ]
  }"""),
    ],
}


def canonical(value):
    """Type-strict canonical text (so true != 1 and 1 != 1.0)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def pointer_escape(segment):
    return str(segment).replace("~", "~0").replace("/", "~1")


def pointer(parts):
    return "/" + "/".join(pointer_escape(p) for p in parts) if parts else ""


def is_nonempty_str(value):
    return isinstance(value, str) and value.strip() != ""


class SpecChecker:
    def __init__(self, path):
        self.path = path
        self.errors = []
        with open(path, encoding="utf-8") as handle:
            self.doc = yaml.safe_load(handle)
        resource = Resource.from_contents(self.doc, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(SPEC_URI, resource)
        self.examples = []  # (label, value, schema location parts or None, example location parts)
        self.seen_containers = set()
        self.counts = {"schemas": 0, "properties": 0, "parameters": 0, "operations": 0}

    def error(self, message, parts=None):
        """Records a problem once, at the YAML location of `parts` (keys and indices)."""
        entry = (tuple(str(part) for part in parts) if parts is not None else None, message)
        if entry not in self.errors:
            self.errors.append(entry)

    # --- references -------------------------------------------------------------------
    def lookup(self, ref):
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        node = self.doc
        for raw in ref[2:].split("/"):
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list):
                node = node[int(key)]
            else:
                node = node[key]
        return node

    def ref_parts(self, ref):
        return [raw.replace("~1", "/").replace("~0", "~") for raw in ref[2:].split("/")]

    def deref(self, node, parts):
        """Follows $ref chains of non-schema objects; returns (node, parts)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            parts = self.ref_parts(ref)
            try:
                node = self.lookup(ref)
            except (KeyError, IndexError, ValueError) as exc:
                self.error(f"unresolvable $ref {ref!r} ({exc})", parts)
                return None, parts
            seen += 1
            if seen > 50:
                self.error(f"$ref cycle at {ref}", parts)
                return None, parts
        return node, parts

    def deref_schema(self, schema):
        node, _ = self.deref(schema, [])
        return node if isinstance(node, dict) else {}

    # --- generic YAML sanity ----------------------------------------------------------
    def check_json_compatible(self, node, parts):
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    self.error(f"non-string key {key!r} (quote it in YAML)", parts + [str(key)])
                self.check_json_compatible(value, parts + [str(key)])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.check_json_compatible(value, parts + [index])
        elif node is not None and not isinstance(node, (str, int, float, bool)):
            self.error(f"value {node!r} is a YAML {type(node).__name__}, not JSON; quote it", parts)

    # --- collecting examples ----------------------------------------------------------
    def collect_examples(self, owner, parts, label):
        """owner: a media type, parameter or header object that may carry examples."""
        if id(owner) in self.seen_containers:
            return
        self.seen_containers.add(id(owner))
        schema_parts = parts + ["schema"] if "schema" in owner else None
        if "example" in owner:
            self.examples.append((f"{label} example", owner["example"], schema_parts, parts + ["example"]))
        for name, example in (owner.get("examples") or {}).items():
            example, example_parts = self.deref(example, parts + ["examples", name])
            if example is None:
                continue
            if "value" in example:
                self.examples.append(
                    (f"{label} examples.{name}", example["value"], schema_parts, example_parts + ["value"])
                )
            elif "externalValue" not in example:
                self.error(f"{label} examples.{name}: has neither value nor externalValue", parts + ["examples", name])

    def visit_content(self, content, parts, label):
        for media, media_obj in (content or {}).items():
            self.collect_examples(media_obj, parts + [media], f"{label} {media}")

    def visit_parameter(self, param, parts, label):
        param, parts = self.deref(param, parts)
        if param is None:
            return
        name = param.get("name", "?")
        plabel = f"{label} parameter {name!r}"
        if id(param) not in self.seen_containers:
            self.counts["parameters"] += 1
            if not is_nonempty_str(param.get("description")):
                self.error(f"{plabel}: parameter has no description", parts)
            if "schema" in param:
                self.check_schema_descriptions(param["schema"], parts + ["schema"], top=True)
        self.collect_examples(param, parts, plabel)
        if "content" in param:
            self.visit_content(param["content"], parts + ["content"], plabel)

    def visit_response(self, response, parts, label):
        response, parts = self.deref(response, parts)
        if response is None or id(response) in self.seen_containers:
            return
        self.seen_containers.add(id(response))
        if not is_nonempty_str(response.get("description")):
            self.error(f"{label}: response has no description", parts)
        for header_name, header in (response.get("headers") or {}).items():
            header, hparts = self.deref(header, parts + ["headers", header_name])
            if header is not None:
                self.collect_examples(header, hparts, f"{label} header {header_name!r}")
        self.visit_content(response.get("content"), parts + ["content"], label)
        for media, media_obj in (response.get("content") or {}).items():
            if "schema" in media_obj:
                self.check_schema_descriptions(
                    media_obj["schema"], parts + ["content", media, "schema"], top=True
                )

    def visit_request_body(self, body, parts, label):
        body, parts = self.deref(body, parts)
        if body is None or id(body) in self.seen_containers:
            return
        self.seen_containers.add(id(body))
        self.visit_content(body.get("content"), parts + ["content"], f"{label} requestBody")
        for media, media_obj in (body.get("content") or {}).items():
            if "schema" in media_obj:
                self.check_schema_descriptions(
                    media_obj["schema"], parts + ["content", media, "schema"], top=True
                )

    def visit_path_item(self, item, parts, label):
        item, parts = self.deref(item, parts)
        if item is None:
            return
        for index, param in enumerate(item.get("parameters") or []):
            self.visit_parameter(param, parts + ["parameters", index], label)
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            oparts = parts + [method]
            olabel = f"{label} {method.upper()}"
            self.counts["operations"] += 1
            for key in ("operationId", "summary", "description"):
                if not is_nonempty_str(operation.get(key)):
                    self.error(f"{olabel}: operation has no {key}", oparts)
            for index, param in enumerate(operation.get("parameters") or []):
                self.visit_parameter(param, oparts + ["parameters", index], olabel)
            if "x-pagination" in operation:
                self.check_pagination(operation, item, olabel, oparts + ["x-pagination"])
            if "requestBody" in operation:
                self.visit_request_body(operation["requestBody"], oparts + ["requestBody"], olabel)
            for status, response in (operation.get("responses") or {}).items():
                self.visit_response(response, oparts + ["responses", status], f"{olabel} {status}")

    def check_pagination(self, operation, item, label, parts):
        """x-pagination {name, page, items, next} must point at real parts of the operation."""
        pagination = operation["x-pagination"]
        if not isinstance(pagination, dict):
            self.error(f"{label}: x-pagination must be a mapping", parts)
            return
        for key in ("name", "page", "items", "next"):
            if not is_nonempty_str(pagination.get(key)):
                self.error(f"{label}: x-pagination.{key} is missing", parts)
                return
        params = [self.deref(p, [])[0] or {} for p in
                  (item.get("parameters") or []) + (operation.get("parameters") or [])]
        if not any(p.get("in") == "query" and p.get("name") == pagination["page"] for p in params):
            self.error(f"{label}: x-pagination.page {pagination['page']!r} is not a query parameter", parts)
        response, _ = self.deref((operation.get("responses") or {}).get("200"), [])
        schema = (((response or {}).get("content") or {}).get("application/json") or {}).get("schema")
        if schema is None:
            self.error(f"{label}: x-pagination needs a 200 application/json schema", parts)
            return
        for key in ("items", "next"):
            node = schema
            for segment in pagination[key].split("."):
                props = self.merged(node)[0]
                if segment not in props:
                    self.error(f"{label}: x-pagination.{key} {pagination[key]!r} is not in the 200 schema", parts)
                    break
                node = props[segment]

    # --- (c) descriptions ---------------------------------------------------------------
    def check_schema_descriptions(self, schema, parts, top=False, is_property=False):
        if not isinstance(schema, dict):
            return
        where = pointer(parts)
        only_ref = "$ref" in schema and all(k == "$ref" for k in schema)
        if is_property:
            self.counts["properties"] += 1
            if not is_nonempty_str(schema.get("description")):
                self.error(f"property {where} has no description", parts)
        elif not only_ref:
            if not is_nonempty_str(schema.get("description")):
                self.error(f"schema {where} has no description", parts)
        if schema.get("format") == "uuid":
            self.error(f"{where}: format uuid is not allowed (describe UUIDs in text)", parts)
        values = schema.get("enum", schema.get("x-extensible-enum"))
        if "enum" in schema and "x-extensible-enum" in schema:
            self.error(f"{where}: use either enum or x-extensible-enum, not both", parts)
        if values is not None:
            descriptions = schema.get("x-enum-descriptions")
            if not isinstance(descriptions, list) or len(descriptions) != len(values):
                self.error(f"{where}: x-enum-descriptions must list one description per value", parts)
            elif not all(is_nonempty_str(d) for d in descriptions):
                self.error(f"{where}: x-enum-descriptions has an empty entry", parts)
        for name, prop in (schema.get("properties") or {}).items():
            self.check_schema_descriptions(prop, parts + ["properties", name], is_property=True)
        for key in ("items", "not", "contains"):
            if isinstance(schema.get(key), dict):
                self.check_schema_descriptions(schema[key], parts + [key])
        if isinstance(schema.get("additionalProperties"), dict):
            self.check_schema_descriptions(
                schema["additionalProperties"], parts + ["additionalProperties"]
            )
        for key in ("allOf", "oneOf", "anyOf", "prefixItems"):
            for index, sub in enumerate(schema.get(key) or []):
                self.check_schema_descriptions(sub, parts + [key, index])

    # --- (a) validation -----------------------------------------------------------------
    def validate_example(self, label, value, schema_parts, value_parts):
        if schema_parts is None:
            self.error(f"example {label}: has no schema to validate against", value_parts)
            return
        uri = SPEC_URI + "#" + quote(pointer(schema_parts), safe="/~")
        validator = OAS31Validator({"$ref": uri}, registry=self.registry)
        for err in sorted(validator.iter_errors(value), key=lambda e: list(e.path)):
            at = "$" + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path
            )
            self.error(f"example {label} at {at}: {err.message}", value_parts + list(err.absolute_path))

    # --- (b) every key described --------------------------------------------------------
    def merged(self, schema, depth=0):
        """Returns (properties, additional, branches, items) over $ref and allOf."""
        schema = self.deref_schema(schema)
        props = dict(schema.get("properties") or {})
        additional = schema.get("additionalProperties")
        additional = additional if additional is True or isinstance(additional, dict) else None
        branches = []
        items = schema.get("items") if isinstance(schema.get("items"), dict) else None
        for key in ("oneOf", "anyOf"):
            if schema.get(key):
                branches.append(schema[key])
        if depth < 20:
            for sub in schema.get("allOf") or []:
                sp, sa, sb, si = self.merged(sub, depth + 1)
                for name, prop in sp.items():
                    props.setdefault(name, prop)
                if additional is None and sa is not None:
                    additional = sa
                branches.extend(sb)
                items = items or si
        return props, additional, branches, items

    def undescribed_keys(self, value, schema, path):
        problems = []
        props, additional, branches, items = self.merged(schema)
        for choices in branches:
            results = [self.undescribed_keys(value, choice, path) for choice in choices]
            if not any(len(r) == 0 for r in results):
                problems.extend(results[0] if results else [])
        if isinstance(value, dict):
            for key, sub in value.items():
                subpath = f"{path}.{key}"
                if key in props:
                    problems.extend(self.undescribed_keys(sub, props[key], subpath))
                elif isinstance(additional, dict):
                    problems.extend(self.undescribed_keys(sub, additional, subpath))
                elif additional is True:
                    continue
                elif any(True for _ in branches):
                    # A oneOf/anyOf branch may describe it; checked above.
                    continue
                else:
                    problems.append(f'at {path}: key "{key}" is not described')
        elif isinstance(value, list) and items is not None:
            for index, sub in enumerate(value):
                problems.extend(self.undescribed_keys(sub, items, f"{path}[{index}]"))
        return problems

    # --- driver ---------------------------------------------------------------------------
    def run(self):
        doc = self.doc
        if not isinstance(doc, dict):
            self.error("not a YAML mapping")
            return
        self.check_json_compatible(doc, [])
        if doc.get("openapi") != "3.1.0":
            self.error("openapi must be 3.1.0", ["openapi"])
        info = doc.get("info") or {}
        for key in ("title", "version", "description", "x-swift-namespace"):
            if not is_nonempty_str(info.get(key)):
                self.error(f"info.{key} is missing", ["info"])

        for path, item in (doc.get("paths") or {}).items():
            self.visit_path_item(item, ["paths", path], f"paths {path}")
        for name, item in (doc.get("webhooks") or {}).items():
            self.visit_path_item(item, ["webhooks", name], f"webhook {name}")
            post = (item or {}).get("post") or {}
            body = post.get("requestBody")
            if body is None:
                self.error(f"webhook {name}: post has no requestBody", ["webhooks", name])
            if "200" not in (post.get("responses") or {}):
                self.error(f"webhook {name}: post has no '200' response", ["webhooks", name])

        components = doc.get("components") or {}
        for name, param in (components.get("parameters") or {}).items():
            self.visit_parameter(param, ["components", "parameters", name], f"components {name}")
        for name, response in (components.get("responses") or {}).items():
            self.visit_response(response, ["components", "responses", name], f"components {name}")
        for name, body in (components.get("requestBodies") or {}).items():
            self.visit_request_body(body, ["components", "requestBodies", name], f"components {name}")
        for name, schema in (components.get("schemas") or {}).items():
            self.counts["schemas"] += 1
            self.check_schema_descriptions(schema, ["components", "schemas", name], top=True)
        for name, scheme in (components.get("securitySchemes") or {}).items():
            if not is_nonempty_str((scheme or {}).get("description")):
                self.error(f"security scheme {name} has no description", ["components", "securitySchemes", name])

        for label, value, schema_parts, value_parts in self.examples:
            self.validate_example(label, value, schema_parts, value_parts)
            if schema_parts is not None:
                schema = self.lookup("#" + pointer(schema_parts))
                for problem in self.undescribed_keys(value, schema, "$"):
                    self.error(f"example {label} {problem}", value_parts)

        namespace = info.get("x-swift-namespace")
        present = {canonical(value) for _, value, _, _ in self.examples}
        seeds = SEED_EXAMPLES.get(namespace, [])
        self.seed_count = len(seeds)
        for seed_label, text in seeds:
            if canonical(loads_lenient(text)) not in present:
                self.error(f"seed example missing: {seed_label}", [])

    def check(self):
        """Runs every check, reporting (never raising) an unexpected failure."""
        try:
            self.run()
        except Exception as exc:  # report, don't hide, unexpected failures
            self.error(f"checker crashed: {type(exc).__name__}: {exc}")

    def diagnostics(self):
        """One `file:line:column: error: message` line per problem."""
        with open(self.path, encoding="utf-8") as handle:
            locations = SpecLocations(handle.read())
        return [
            diagnostic(self.path, locations.locate(parts) if parts else None, message)
            for parts, message in self.errors
        ]

    def summary(self):
        c = self.counts
        return (
            f"{self.path}: OK - {len(self.examples)} examples valid and fully described; "
            f"{c['operations']} operations, {c['parameters']} parameters, {c['schemas']} "
            f"component schemas, {c['properties']} properties described; "
            f"{self.seed_count}/{self.seed_count} seed examples present"
        )


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    failed = False
    for path in argv[1:]:
        checker = SpecChecker(path)
        checker.check()
        if checker.errors:
            failed = True
            for message in checker.diagnostics():
                print(message, file=sys.stderr)
        else:
            print(checker.summary())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
