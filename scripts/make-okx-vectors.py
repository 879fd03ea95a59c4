#!/usr/bin/env python3
"""Writes Tests/ClientRuntimeTests/Fixtures/signing/okx-vectors.json: OKX-style signatures computed independently
of the Swift code (Python's hmac), for TimestampMethodPathBodyAuthenticator. `swift test` reads the committed file."""
import base64, hashlib, hmac, json, pathlib

SECRET = "okx-test-secret-6A1F3C9E2B7D4058"  # test-only; signs nothing real
CASES = [
    ("get-with-query", 1607418537715, "2020-12-08T09:08:57.715Z", "GET", "/api/v5/account/balance", "ccy=BTC", ""),
    ("post-json", 1607418537715, "2020-12-08T09:08:57.715Z", "POST", "/api/v5/trade/order", "",
     '{"instId":"BTC-USDT","tdMode":"cash","side":"buy","ordType":"limit","px":"2.15","sz":"2"}'),
]

out = {"generator": "scripts/make-okx-vectors.py (Python hmac, hashlib, base64)", "secret": SECRET, "cases": []}
for name, millis, iso, method, path, query, body in CASES:
    prehash = iso + method + path + ("?" + query if query else "") + body
    mac = hmac.new(SECRET.encode(), prehash.encode(), hashlib.sha256).digest()
    out["cases"].append({"name": name, "milliseconds": millis, "timestamp": iso, "method": method, "path": path,
                         "query": query, "body": body, "prehash": prehash, "signature": base64.b64encode(mac).decode()})
target = pathlib.Path(__file__).resolve().parent.parent / "Tests/ClientRuntimeTests/Fixtures/signing/okx-vectors.json"
target.write_text(json.dumps(out, indent=2) + "\n")
