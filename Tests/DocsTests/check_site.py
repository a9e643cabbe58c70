#!/usr/bin/env python3
"""Checks the DocC site that `make docs` built, as a browser would load it.

usage: check_site.py SITE SYMBOL_GRAPHS [HOSTING_BASE_PATH]

- Every public symbol of the module's symbol graphs has a page (its render JSON names the
  symbol's precise identifier), and so does each article of the catalog.
- Served over HTTP from 127.0.0.1 under the hosting base path, the site's root leads to the
  module's page, and the landing page, a method page and an article load: their HTML, and the
  render JSON the page's script fetches, with text and code listings.
"""

import functools
import http.server
import json
import os
import sys
import threading
import urllib.request

ARTICLES = ["gettingstarted", "receivingwebhooks", "errorsandretries", "addingaprovider"]
METHOD_PAGE = "plusofon/client/createwebhook(body:)"


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def pages(site):
    """The precise identifier of every symbol page, and the path of every page."""
    ids, paths = set(), set()
    root = os.path.join(site, "data", "documentation")
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            paths.add(os.path.relpath(path, root)[: -len(".json")])
            with open(path, encoding="utf-8") as file:
                external = json.load(file).get("metadata", {}).get("externalID")
            if external:
                ids.add(external)
    return ids, paths


def public_symbols(graphs):
    symbols = {}
    for name in sorted(os.listdir(graphs)):
        if name.endswith(".symbols.json"):
            with open(os.path.join(graphs, name), encoding="utf-8") as file:
                for symbol in json.load(file)["symbols"]:
                    # An extension block shares its extended type's page, whose members have pages.
                    if symbol["kind"]["identifier"] == "swift.extension":
                        continue
                    symbols[symbol["identifier"]["precise"]] = "/".join(symbol["pathComponents"])
    return symbols


def texts(node):
    """Every `text`, `title` and `code` string in a render JSON node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("text", "code", "title") and isinstance(value, str):
                yield value
            elif key == "code" and isinstance(value, list):
                yield "\n".join(value)
            else:
                yield from texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from texts(item)


def kinds(node):
    """Every block and section kind in a render JSON node: `codeListing`, `declarations`, …"""
    if isinstance(node, dict):
        for key in ("type", "kind"):
            if isinstance(node.get(key), str):
                yield node[key]
        for value in node.values():
            yield from kinds(value)
    elif isinstance(node, list):
        for item in node:
            yield from kinds(item)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under the hosting base path, as a static host would."""

    base = "/"

    def translate_path(self, path):
        if not path.startswith(self.base):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.base) :])

    def log_message(self, *args):
        pass


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def main():
    if len(sys.argv) < 3:
        fail(__doc__.strip().splitlines()[2])
    site, graphs = sys.argv[1], sys.argv[2]
    base = "/" + (sys.argv[3] if len(sys.argv) > 3 else "").strip("/")
    base = base if base == "/" else base + "/"

    ids, paths = pages(site)
    symbols = public_symbols(graphs)
    missing = sorted(path for precise, path in symbols.items() if precise not in ids)
    if missing:
        fail(f"{len(missing)} public symbols have no page: " + ", ".join(missing[:20]))
    for article in ARTICLES:
        if f"telephonywebhooks/{article}" not in paths:
            fail(f"the article {article} has no page")

    Handler.base = base
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=os.path.abspath(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}{base}"
    try:
        status, html = fetch(origin)
        if status != 200 or 'url=documentation/telephonywebhooks/"' not in html:
            fail(f"{base} does not lead to documentation/telephonywebhooks/")
        for page, expected in [
            ("", ["Api4Com", "Plusofon", "Thulium", "APIError", "WebhookVerifier", "Getting started"]),
            (METHOD_PAGE, ["createWebhook", "WebhookRequest", "POST /webhooks"]),
            ("gettingstarted", ["Plusofon.Client(token:", "createWebhook("]),
        ]:
            slug = "telephonywebhooks" + ("/" + page if page else "")
            status, html = fetch(f"{origin}documentation/{slug}/")
            if status != 200 or "<noscript>" not in html or f'var baseUrl = "{base}"' not in html:
                fail(f"documentation/{slug}/ does not serve DocC's page under {base}")
            status, body = fetch(f"{origin}data/documentation/{slug}.json")
            document = json.loads(body)
            text = "\n".join(texts(document))
            absent = [word for word in expected if word not in text]
            if absent:
                fail(f"data/documentation/{slug}.json lacks {absent}")
            found = set(kinds(document))
            listing = "declarations" if page == METHOD_PAGE else "codeListing"
            if listing not in found:
                fail(f"data/documentation/{slug}.json has no {listing}")
    finally:
        server.shutdown()
    print(f"docs: {len(paths)} pages, every one of {len(symbols)} public symbols and {len(ARTICLES)} articles;"
          f" served under {base}: the landing page, {METHOD_PAGE} and an article load with their text and code")


if __name__ == "__main__":
    main()
