"""Prints the benchmark table (Markdown) from run.sh's results.tsv: name, value, unit[, p90]."""
import sys

rows = {}
for line in open(sys.argv[1]):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 2 and parts[1]:
        rows[parts[0]] = (float(parts[1]), parts[2] if len(parts) > 2 else "", float(parts[3]) if len(parts) > 3 and parts[3] else None)


def value(name):
    return rows[name][0] if name in rows else None


def fmt(name):
    if name not in rows:
        return "n/a"
    v, unit, p90 = rows[name]
    if unit == "ns":
        text = f"{v / 1000:.2f} µs" if v < 1e6 else f"{v / 1e6:.2f} ms"
        if p90 is not None:
            text += f" (p90 {p90 / 1000:.2f} µs)" if p90 < 1e6 else f" (p90 {p90 / 1e6:.2f} ms)"
        return text
    if unit == "ms":
        return f"{v:.0f} ms"
    if unit == "s":
        return f"{v:.1f} s"
    return f"{v:.0f} {unit}"


def ratio(a, b):
    return None if value(a) is None or value(b) is None or value(b) == 0 else value(a) / value(b)


def check(r, ok):
    return "n/a" if r is None else ("met" if ok(r) else "**missed**")


lines = [
    "| benchmark | SpecGen | compared with | ratio | target | result |",
    "| --- | --- | --- | --- | --- | --- |",
]
r = ratio("gen.openapi", "gen.specgen")
lines.append(f"| generate binance-spot (wall, median) | {fmt('gen.specgen')} | swift-openapi-generator: {fmt('gen.openapi')} | "
             f"{r and f'{r:.1f}× faster'} | ≥ 10× faster | {check(r, lambda x: x >= 10)} |")
r = ratio("gen.openapi.cpu", "gen.specgen.cpu")
if r is not None:
    lines.append(f"| generate binance-spot (user + system CPU, mean) | {fmt('gen.specgen.cpu')} | swift-openapi-generator: {fmt('gen.openapi.cpu')} | "
                 f"{r:.1f}× less | — | — |")
r = ratio("compile.specgen", "compile.openapi")
lines.append(f"| clean compile of the module (debug, median, less SwiftPM no-op time) | {fmt('compile.specgen')} | swift-openapi-generator: {fmt('compile.openapi')} | "
             f"{r and f'{r:.2f}×'} | ≤ 0.5× | {check(r, lambda x: x <= 0.5)} |")
r = ratio("memory.specgen", "memory.openapi")
lines.append(f"| peak memory of that compile | {fmt('memory.specgen')} | swift-openapi-generator: {fmt('memory.openapi')} | "
             f"{r and f'{r:.2f}×'} | — | — |")
r = ratio("lines.specgen", "lines.openapi")
lines.append(f"| generated lines | {fmt('lines.specgen')} | swift-openapi-generator: {fmt('lines.openapi')} | {r and f'{r:.2f}×'} | — | — |")
r = ratio("sign.specgen.send", "sign.raw-hmac")
lines.append(f"| LIMIT order: build + validate + sign + encode + send to an in-memory transport + decode ACK | "
             f"{fmt('sign.specgen.send')} | raw HMAC-SHA256 of the same bytes: {fmt('sign.raw-hmac')} | "
             f"{r and f'{r:.1f}×'} | — | — |")
r = ratio("sign.specgen.prepare", "sign.raw-hmac")
lines.append(f"| LIMIT order: `prepare` (validate + parameters + encode + HMAC), not sent | "
             f"{fmt('sign.specgen.prepare')} | raw HMAC-SHA256 of the same bytes: {fmt('sign.raw-hmac')} | "
             f"{r and f'{r:.1f}×'} | ≤ 2× | {check(r, lambda x: x <= 2)} |")
for part, label in [("sign.signer-hex", "HMACSHA256Signer (HMAC + hex) alone"), ("sign.params-validate", "request → Parameters + validate() alone")]:
    r = ratio(part, "sign.raw-hmac")
    lines.append(f"| {label} | {fmt(part)} | raw HMAC: {fmt('sign.raw-hmac')} | {r and f'{r:.1f}×'} | — | — |")
for key, label in [("orders", "decode 1,000 orders (allOrders example)"), ("exchangeInfo", "decode exchangeInfo with 2,000 symbols")]:
    r = ratio(f"decode.{key}.plain", f"decode.{key}.specgen")
    o = ratio(f"decode.{key}.openapi", f"decode.{key}.specgen")
    lines.append(f"| {label} | {fmt(f'decode.{key}.specgen')} | plain Codable: {fmt(f'decode.{key}.plain')}; "
                 f"swift-openapi-generator: {fmt(f'decode.{key}.openapi')} | {r and f'{r:.2f}× plain'}"
                 f"{'' if o is None else f', {o:.2f}× swift-openapi-generator'} | ≥ 1.0× plain | {check(r, lambda x: x >= 1.0)} |")
print("\n".join(lines))
