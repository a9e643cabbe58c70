#!/usr/bin/env python3
"""Writes a synthetic OpenAPI 3.1 spec with N operations, in the style of specs/*.yaml.

Each resource gets five operations (list, create, get, update, delete) with path and query
parameters, JSON bodies, an open and a closed enum, a nested object, an inline object, a
paginated list and shared error responses. Usage: synthetic_spec.py N OUTPUT.yaml
"""

import re
import sys

NOUNS = ["call", "recording", "extension", "trunk", "queue", "agent", "number", "route", "webhook",
         "contact", "voicemail", "conference", "campaign", "tag", "report", "invoice", "device",
         "schedule", "greeting", "blocklist"]


def camel(snake):
    return "".join(part.capitalize() for part in snake.split("_"))


def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}


def errors(*statuses):
    names = {"400": "BadRequest", "401": "Unauthorized", "404": "NotFound", "422": "ValidationError"}
    responses = {status: ref("responses", names[status]) for status in statuses}
    responses["default"] = ref("responses", "Error")
    return responses


def json_body(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def resource(noun, paths, schemas):
    name = camel(noun)
    plural = noun + "s"
    id_param = {"name": f"{noun}_id", "in": "path", "required": True,
                "description": f"The {noun}'s id.", "schema": {"type": "integer", "minimum": 1}}
    schemas[f"{name}Status"] = {
        "type": "string", "description": f"Lifecycle state of a {noun}.",
        "enum": ["active", "paused", "archived"]}
    schemas[f"{name}Kind"] = {
        "type": "string", "description": f"Kind of {noun}; the provider adds kinds over time.",
        "x-extensible-enum": ["standard", "premium", "trial"]}
    schemas[f"{name}Settings"] = {
        "type": "object", "description": f"Settings of a {noun}.", "required": ["enabled"],
        "properties": {
            "enabled": {"type": "boolean", "description": "Whether it is active."},
            "timeout_seconds": {"type": "integer", "description": "Ring timeout."},
            "forward_to": {"type": ["string", "null"], "description": "Number to forward to."},
            "limits": {"type": "object", "description": "Inline nested limits.",
                       "properties": {"per_minute": {"type": "integer", "description": "Rate."},
                                      "per_day": {"type": "integer", "description": "Quota."}}}}}
    fields = {
        "name": {"type": "string", "description": f"Display name of the {noun}."},
        "kind": {**ref("schemas", f"{name}Kind"), "description": "Kind."},
        "status": {**ref("schemas", f"{name}Status"), "description": "State."},
        "settings": {**ref("schemas", f"{name}Settings"), "description": "Settings."},
        "tags": {"type": "array", "description": "Free tags.", "items": {"type": "string"}},
        "owner": {**ref("schemas", "Owner"), "description": "Who owns it."}}
    schemas[f"{name}Input"] = {
        "type": "object", "description": f"Body of create and update of a {noun}.",
        "required": ["name", "kind"], "properties": fields}
    schemas[name] = {
        "type": "object", "description": f"A {noun}.", "required": ["id", "name", "kind", "status"],
        "properties": {"id": {"type": "integer", "description": "Id."}, **fields,
                       "created_at": {"type": "string", "format": "date-time",
                                      "description": "Creation time."}}}
    schemas[f"{name}Page"] = {
        "type": "object", "description": f"A page of {plural}.", "required": ["data", "total"],
        "properties": {
            "data": {"type": "array", "description": "Items.", "items": ref("schemas", name)},
            "next_page_url": {"type": ["string", "null"], "description": "Next page, or null."},
            "total": {"type": "integer", "description": "Total count."}}}

    paths[f"/{plural}"] = {
        "get": {"operationId": f"list{name}s", "summary": f"List {plural}",
                "description": f"Returns a page of {plural}.",
                "parameters": [
                    {"name": "page", "in": "query", "description": "1-based page.",
                     "schema": {"type": "integer", "minimum": 1}},
                    {"name": "per_page", "in": "query", "description": "Page size.",
                     "schema": {"type": "integer", "maximum": 100}},
                    {"name": "status", "in": "query", "description": "Only this state.",
                     "schema": ref("schemas", f"{name}Status")}],
                "responses": {"200": json_body(ref("schemas", f"{name}Page"), "A page."),
                              **errors("400", "401")}},
        "post": {"operationId": f"create{name}", "summary": f"Create a {noun}",
                 "description": f"Creates a {noun}.",
                 "requestBody": {"required": True, **json_body(ref("schemas", f"{name}Input"), "The new one.")},
                 "responses": {"201": json_body(ref("schemas", name), "Created."),
                               **errors("400", "401", "422")}}}
    paths[f"/{plural}/{{{noun}_id}}"] = {
        "get": {"operationId": f"get{name}", "summary": f"Get a {noun}", "description": f"One {noun}.",
                "parameters": [id_param],
                "responses": {"200": json_body(ref("schemas", name), "The item."),
                              **errors("401", "404")}},
        "put": {"operationId": f"update{name}", "summary": f"Update a {noun}",
                "description": f"Replaces a {noun}.", "parameters": [id_param],
                "requestBody": {"required": True, **json_body(ref("schemas", f"{name}Input"), "New values.")},
                "responses": {"200": json_body(ref("schemas", name), "Updated."),
                              **errors("400", "401", "404", "422")}},
        "delete": {"operationId": f"delete{name}", "summary": f"Delete a {noun}",
                   "description": f"Deletes a {noun}.", "parameters": [id_param],
                   "responses": {"200": json_body(ref("schemas", "SuccessResponse"), "Deleted."),
                                 **errors("401", "404")}}}


def spec(operations):
    paths, schemas = {}, {}
    for index in range((operations + 4) // 5):
        noun = NOUNS[index % len(NOUNS)] + ("" if index < len(NOUNS) else f"_v{index // len(NOUNS)}")
        resource(noun, paths, schemas)
    schemas["Owner"] = {
        "type": "object", "description": "An account user.", "required": ["id"],
        "properties": {"id": {"type": "integer", "description": "Id."},
                       "email": {"type": "string", "description": "Email."}}}
    schemas["SuccessResponse"] = {
        "type": "object", "description": "Result of a delete.", "required": ["success"],
        "properties": {"success": {"type": "boolean", "description": "Whether it worked."}}}
    schemas["ErrorResponse"] = {
        "type": "object", "description": "Error body.",
        "properties": {"message": {"type": "string", "description": "Message."},
                       "errors": {"type": "object", "description": "Per-field messages.",
                                  "additionalProperties": {"type": "array", "items": {"type": "string"}}}}}
    error = json_body(ref("schemas", "ErrorResponse"), "An error.")
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Synthetic {operations}", "version": "1.0.0",
                 "x-swift-namespace": f"Synthetic{operations}",
                 "description": f"A synthetic telephony API with {operations} operations."},
        "servers": [{"url": "https://api.example.com/v1", "description": "Production."}],
        "security": [{"token": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "API token."}},
            "responses": {name: error for name in
                          ["BadRequest", "Unauthorized", "NotFound", "ValidationError", "Error"]},
            "schemas": schemas}}


def scalar(value):
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", text) and text not in ("true", "false", "null"):
        return text
    return "'" + text.replace("'", "''") + "'"


def dump(value, indent=0):
    """A small YAML emitter for dicts, lists and scalars: enough for this spec, no PyYAML needed."""
    pad = "  " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{scalar(key)}:")
                lines += dump(item, indent + 1)
            else:
                lines.append(f"{pad}{scalar(key)}: {'[]' if item == [] else '{}' if item == {} else scalar(item)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                nested = dump(item, indent + 1)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines += nested[1:]
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return lines


if __name__ == "__main__":
    count, output = int(sys.argv[1]), sys.argv[2]
    with open(output, "w") as file:
        file.write("\n".join(dump(spec(count))) + "\n")
