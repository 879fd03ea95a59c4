#!/usr/bin/env python3
"""Writes Tests/ClientRuntimeTests/Fixtures/signing/vectors.json: signing vectors made with Python's `cryptography`.

Generates fresh test-only keys (RSA 2048 and Ed25519, PKCS#8 PEM; the RSA key also as PKCS#1 PEM), signs Binance's
documented example payloads and DFX's documented example requests, prints everything, and writes the fixture.
RSA PKCS#1 v1.5 and Ed25519 are deterministic, so the Swift signers must reproduce each signature exactly.
Run once and commit the JSON; `swift test` only reads it. Needs: pip install cryptography
"""

import base64
import json
import pathlib
import urllib.parse

import cryptography
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/ClientRuntimeTests/Fixtures/signing/vectors.json"

# Binance, "SIGNED Endpoint Examples for POST /api/v3/order" (binance-spot-rest-api.md).
BINANCE_PAYLOADS = {
    "hmac-example": "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                    "&recvWindow=5000&timestamp=1499827319559",
    "rsa-example": "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2"
                   "&timestamp=1668481559918&recvWindow=5000",
    # The Ed25519 Python sample's params, with the table's timestamp.
    "ed25519-example": "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1.0000000&price=0.20"
                       "&timestamp=1668481559918",
}

# DFX, "How to sign request parameters", examples 1-3 (dfx/3-authentication.md), plus a DELETE with both parts.
DFX_REQUESTS = [
    {"name": "param-in-query", "method": "GET", "path": "/api/v1/symbols",
     "query": "clientType=OP", "body": "", "timestamp": 1711351755000},
    {"name": "param-in-body", "method": "POST", "path": "/api/v1/spot/order", "query": "",
     "body": "accountId=222&amount=66666&clientOrderId=111&price=66666&quantity=1&side=BUY&symbol=BTC-USDT&type=LIMIT",
     "timestamp": 1711351755000},
    {"name": "query-and-body", "method": "POST", "path": "/api/v1/symbols",
     "query": "clientType=OP", "body": "pageNo=1&pageSize=10", "timestamp": 1711351755000},
    {"name": "unicode-body", "method": "DELETE", "path": "/api/v1/spot/order",
     "query": "accountId=1403134775&orderId=2000000074758463", "body": '{"note":"café ✓"}',
     "timestamp": 1706772548231},
]


def pem(data: bytes) -> str:
    return data.decode("ascii")


def percent(text: str) -> str:
    return urllib.parse.quote(text, safe="")  # keeps only RFC 3986 unreserved characters


def dfx_payload(request: dict) -> str:
    # Independent of the Swift code: a dict sorted by key, like DFX's Java TreeMap; empty values left out.
    parts = {"method": request["method"], "path": request["path"], "timestamp": str(request["timestamp"]),
             "param": request["query"], "body": request["body"]}
    return "&".join(f"{key}={value}" for key, value in sorted(parts.items()) if value)


def main() -> None:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ed_key = ed25519.Ed25519PrivateKey.generate()
    pkcs8 = dict(encoding=serialization.Encoding.PEM, format=serialization.PrivateFormat.PKCS8,
                 encryption_algorithm=serialization.NoEncryption())
    spki = dict(encoding=serialization.Encoding.PEM, format=serialization.PublicFormat.SubjectPublicKeyInfo)

    def rsa_case(name: str, payload: str) -> dict:
        raw = rsa_key.sign(payload.encode(), padding.PKCS1v15(), hashes.SHA256())
        b64 = base64.b64encode(raw).decode()
        return {"name": name, "payload": payload, "base64": b64, "wire": percent(b64)}

    def ed_case(name: str, payload: str) -> dict:
        b64 = base64.b64encode(ed_key.sign(payload.encode())).decode()
        return {"name": name, "payload": payload, "base64": b64, "wire": percent(b64)}

    def dfx_case(request: dict) -> dict:
        payload = dfx_payload(request)
        return {**request, "payload": payload, "signature": base64.b64encode(ed_key.sign(payload.encode())).decode()}

    vectors = {
        "generator": f"scripts/make-signing-vectors.py, Python cryptography {cryptography.__version__}",
        "note": "Test-only keys generated for these vectors; they sign nothing real.",
        "rsa": {
            "pkcs8PEM": pem(rsa_key.private_bytes(**pkcs8)),
            "pkcs1PEM": pem(rsa_key.private_bytes(encoding=serialization.Encoding.PEM,
                                                  format=serialization.PrivateFormat.TraditionalOpenSSL,
                                                  encryption_algorithm=serialization.NoEncryption())),
            "publicPEM": pem(rsa_key.public_key().public_bytes(**spki)),
            "cases": [rsa_case(name, payload) for name, payload in BINANCE_PAYLOADS.items()],
        },
        "ed25519": {
            "pkcs8PEM": pem(ed_key.private_bytes(**pkcs8)),
            "publicPEM": pem(ed_key.public_key().public_bytes(**spki)),
            "cases": [ed_case(name, payload) for name, payload in BINANCE_PAYLOADS.items()],
        },
        "dfx": {
            "note": "Signed with the ed25519 key above; signature is standard base64 (EXCHANGE-API-SIGN header).",
            "cases": [dfx_case(request) for request in DFX_REQUESTS],
        },
    }
    text = json.dumps(vectors, indent=2, ensure_ascii=False) + "\n"
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
