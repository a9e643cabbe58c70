#!/usr/bin/env python3
"""Signs webhook deliveries independently of the Swift SDK, for its verifiers to accept.

Written from each scheme's published description with Python's hmac, hashlib and the
cryptography package's Ed25519, sharing no code with the SDK. Reads a JSON array of requests
on standard input and writes a JSON array of {"headers": {...}} (and "publicKey" for Telnyx):

  {"scheme": "standardWebhooks", "secret": "whsec_...", "id": "msg_1", "timestamp": 1700000000, "body": "<base64>"}
  {"scheme": "twilio" | "signalWire", "key": "...", "url": "https://...", "body": "<base64>"}
  {"scheme": "telnyx", "privateKey": "<base64 of 32 bytes>", "timestamp": 1700000000, "body": "<base64>"}
  {"scheme": "vonage", "secret": "...", "timestamp": 1700000000, "body": "<base64>"}
"""

import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import parse_qs, parse_qsl, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def standard_webhooks(request: dict, body: bytes) -> dict:
    secret = request["secret"]
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    timestamp = str(request["timestamp"])
    signed = f"{request['id']}.{timestamp}.".encode() + body
    signature = hmac.new(key, signed, hashlib.sha256).digest()
    return {"headers": {
        "webhook-id": request["id"], "webhook-timestamp": timestamp, "webhook-signature": "v1," + b64(signature)}}


def twilio(request: dict, body: bytes, header: str) -> dict:
    url = request["url"]
    if "bodySHA256" in parse_qs(urlsplit(url).query):
        params = []
    else:
        params = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    data = url + "".join(name + value for name, value in sorted(set(params)))
    signature = hmac.new(request["key"].encode(), data.encode("utf-8"), hashlib.sha1).digest()
    return {"headers": {header: b64(signature)}}


def telnyx(request: dict, body: bytes) -> dict:
    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(request["privateKey"]))
    timestamp = str(request["timestamp"])
    signature = private.sign(timestamp.encode() + b"|" + body)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {
        "headers": {"telnyx-signature-ed25519": b64(signature), "telnyx-timestamp": timestamp},
        "publicKey": b64(public),
    }


def vonage(request: dict, body: bytes) -> dict:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {
        "iat": request["timestamp"], "jti": "python-signer", "iss": "Vonage",
        "payload_hash": hashlib.sha256(body).hexdigest(),
    }
    payload = b64url(json.dumps(claims).encode())
    signature = hmac.new(request["secret"].encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return {"headers": {"Authorization": f"Bearer {header}.{payload}.{b64url(signature)}"}}


def sign(request: dict) -> dict:
    body = base64.b64decode(request["body"])
    scheme = request["scheme"]
    if scheme == "standardWebhooks":
        return standard_webhooks(request, body)
    if scheme == "twilio":
        return twilio(request, body, "X-Twilio-Signature")
    if scheme == "signalWire":
        return twilio(request, body, "X-SignalWire-Signature")
    if scheme == "telnyx":
        return telnyx(request, body)
    if scheme == "vonage":
        return vonage(request, body)
    raise SystemExit(f"unknown scheme {scheme!r}")


if __name__ == "__main__":
    json.dump([sign(request) for request in json.load(sys.stdin)], sys.stdout)
