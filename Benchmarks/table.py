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
r = ratio("gen.openapi", "gen.plugin")
if r is not None:
    lines.append(f"| the same, by the build plugin's `specgen-generate` (wall, median) | {fmt('gen.plugin')} | swift-openapi-generator: {fmt('gen.openapi')} | "
                 f"{r:.1f}× faster | ≥ 10× faster | {check(r, lambda x: x >= 10)} |")
r = ratio("gen.openapi.cpu", "gen.specgen.cpu")
if r is not None:
    lines.append(f"| generate binance-spot (user + system CPU, mean) | {fmt('gen.specgen.cpu')} | swift-openapi-generator: {fmt('gen.openapi.cpu')} | "
                 f"{r:.1f}× less | — | — |")
r = ratio("lint.24000", "lint.2000")
if r is not None:
    lines.append(f"| load + lint a synthetic spec of 24,000 endpoints vs 2,000 (wall, median) | {fmt('lint.24000')} | "
                 f"2,000 endpoints: {fmt('lint.2000')} | {r:.1f}× the time for 12× the endpoints | ≤ 12× | {check(r, lambda x: x <= 12)} |")
    r = ratio("lint.24000.cpu", "lint.2000.cpu")
    if r is not None:
        lines.append(f"| the same in user + system CPU (mean) | {fmt('lint.24000.cpu')} | 2,000 endpoints: {fmt('lint.2000.cpu')} | "
                     f"{r:.1f}× | ≤ 12× | {check(r, lambda x: x <= 12)} |")
r = ratio("ir.lint.24000", "ir.lint.2000")
if r is not None:
    lines.append(f"| the same in instructions (callgrind; load + lint only, no process start) | {value('ir.lint.24000') / 1e9:.2f} G | "
                 f"2,000 endpoints: {value('ir.lint.2000') / 1e9:.3f} G | {r:.2f}× | ≤ 12× | {check(r, lambda x: x <= 12)} |")
r = ratio("compile.specgen", "compile.openapi")
lines.append(f"| clean compile of the module (debug, median, less SwiftPM no-op time) | {fmt('compile.specgen')} | swift-openapi-generator: {fmt('compile.openapi')} | "
             f"{r and f'{r:.2f}×'} | ≤ 0.4× | {check(r, lambda x: x <= 0.4)} |")
r = ratio("cpu.specgen", "cpu.openapi")
if r is not None:
    lines.append(f"| that compile in user + system CPU | {fmt('cpu.specgen')} | swift-openapi-generator: {fmt('cpu.openapi')} | "
                 f"{r:.2f}× | ≤ 0.4× | {check(r, lambda x: x <= 0.4)} |")
r = ratio("memory.specgen", "memory.openapi")
lines.append(f"| peak memory of that compile | {fmt('memory.specgen')} | swift-openapi-generator: {fmt('memory.openapi')} | "
             f"{r and f'{r:.2f}×'} | — | — |")
r = ratio("compile.specgen-release", "compile.openapi-release")
if r is not None:
    lines.append(f"| clean compile of the module (release, median, less no-op) | {fmt('compile.specgen-release')} | "
                 f"swift-openapi-generator: {fmt('compile.openapi-release')} | {r:.2f}× | ≤ 0.4× | {check(r, lambda x: x <= 0.4)} |")
    r = ratio("cpu.specgen-release", "cpu.openapi-release")
    lines.append(f"| that compile in user + system CPU | {fmt('cpu.specgen-release')} | "
                 f"swift-openapi-generator: {fmt('cpu.openapi-release')} | {r and f'{r:.2f}×'} | ≤ 0.4× | {check(r, lambda x: x <= 0.4)} |")
    r = ratio("memory.specgen-release", "memory.openapi-release")
    lines.append(f"| peak memory of the release compile | {fmt('memory.specgen-release')} | "
                 f"swift-openapi-generator: {fmt('memory.openapi-release')} | {r and f'{r:.2f}×'} | — | — |")
for n in (50, 200, 800):
    r = ratio(f"compile.specgen-{n}", f"compile.openapi-{n}")
    if r is not None:
        lines.append(f"| scaling: compile of {n} endpoints (debug, median of `SCALING_RUNS` builds; peak {fmt(f'memory.specgen-{n}')} vs "
                     f"{fmt(f'memory.openapi-{n}')}) | {fmt(f'compile.specgen-{n}')} | swift-openapi-generator: "
                     f"{fmt(f'compile.openapi-{n}')} | {r:.2f}× | ≤ 0.4× | {check(r, lambda x: x <= 0.4)} |")
        c = ratio(f"cpu.specgen-{n}", f"cpu.openapi-{n}")
        lines.append(f"| the same in user + system CPU | {fmt(f'cpu.specgen-{n}')} | swift-openapi-generator: "
                     f"{fmt(f'cpu.openapi-{n}')} | {c and f'{c:.2f}×'} | ≤ 0.4× | {check(c, lambda x: x <= 0.4)} |")
r = ratio("lines.specgen", "lines.openapi")
lines.append(f"| generated lines | {fmt('lines.specgen')} | swift-openapi-generator: {fmt('lines.openapi')} | {r and f'{r:.2f}×'} | — | — |")
r = ratio("sign.specgen.send", "sign.raw-hmac")
send = value("sign.specgen.send")
lines.append(f"| LIMIT order: build + validate + sign + encode + send to an in-memory transport + decode ACK | "
             f"{fmt('sign.specgen.send')} | raw HMAC-SHA256 of the same bytes: {fmt('sign.raw-hmac')} | "
             f"{r and f'{r:.1f}×'} | ≤ 10 µs | {check(send, lambda x: x <= 10_000)} |")
r = ratio("sign.specgen.prepare", "sign.raw-hmac")
lines.append(f"| LIMIT order: `prepare` (validate + parameters + encode + HMAC), not sent | "
             f"{fmt('sign.specgen.prepare')} | raw HMAC-SHA256 of the same bytes: {fmt('sign.raw-hmac')} | "
             f"{r and f'{r:.1f}×'} | ≤ 2× | {check(r, lambda x: x <= 2)} |")
for key, label in [("prepare", "`prepare`"), ("send", "full send"), ("floor-validated", "the floor after `Parameters` and the rules")]:
    # Ratios taken batch by batch in turn (SignBench: Harness.measureRatio); run.sh's unit column does not apply.
    name = f"sign.ratio.{key}-over-hmac"
    if name in rows:
        v, _, p90 = rows[name]
        target = "≤ 2×" if key == "prepare" else "—"
        result = check(v, lambda x: x <= 2) if key == "prepare" else "—"
        lines.append(f"| {label} ÷ raw HMAC, batches of 500 timed in turn (median of 200, p90 {p90:.2f}×) | — | — | "
                     f"{v:.2f}× | {target} | {result} |")
for part, label in [("sign.signer-hex", "HMACSHA256Signer (HMAC + hex) alone"), ("sign.params-validate", "request → Parameters + validate() alone")]:
    r = ratio(part, "sign.raw-hmac")
    lines.append(f"| {label} | {fmt(part)} | raw HMAC: {fmt('sign.raw-hmac')} | {r and f'{r:.1f}×'} | — | — |")
if "ir.sign.prepare" in rows:
    hmac = value("ir.sign.raw-hmac")
    for key, label in [("prepare", "`prepare`"), ("send", "full send"), ("floor", "the floor: bytes written by hand, signed, in a `WireRequest`"),
                       ("floor-validated", "the floor after `Parameters` and the rules"),
                       ("params-validate", "request → Parameters + validate() alone")]:
        lines.append(f"| {label}, instructions per call (callgrind; BoringSSL without SHA extensions under valgrind) | "
                     f"{value(f'ir.sign.{key}'):,.0f} | raw HMAC: {hmac:,.0f} | {value(f'ir.sign.{key}') / hmac:.2f}× | — | — |")
for key, label in [("orders", "decode 1,000 orders (allOrders example)"), ("exchangeInfo", "decode exchangeInfo with 2,000 symbols")]:
    r = ratio(f"decode.{key}.plain", f"decode.{key}.specgen")
    o = ratio(f"decode.{key}.openapi", f"decode.{key}.specgen")
    lines.append(f"| {label}, client's `JSONResponseDecoder` | {fmt(f'decode.{key}.specgen')} | plain Codable: {fmt(f'decode.{key}.plain')}; "
                 f"swift-openapi-generator: {fmt(f'decode.{key}.openapi')} | {r and f'{r:.2f}× plain'}"
                 f"{'' if o is None else f', {o:.2f}× swift-openapi-generator'} | ≥ 1.3× plain | {check(r, lambda x: x >= 1.3)} |")
    r = ratio(f"decode.{key}.plain", f"decode.{key}.specgen-jsondecoder")
    lines.append(f"| {label}, generated types with `JSONDecoder` | {fmt(f'decode.{key}.specgen-jsondecoder')} | "
                 f"plain Codable: {fmt(f'decode.{key}.plain')} | {r and f'{r:.2f}× plain'} | — | — |")
for key, label in [("orders", "1,000 orders"), ("exchangeInfo", "exchangeInfo, 2,000 symbols")]:
    r = ratio(f"ir.decode.{key}.plain", f"ir.decode.{key}.specgen")
    if r is not None:
        j = ratio(f"ir.decode.{key}.plain", f"ir.decode.{key}.specgen-jsondecoder")
        lines.append(f"| instructions per decode, {label} (callgrind) | {value(f'ir.decode.{key}.specgen') / 1e6:.1f} M | "
                     f"plain Codable: {value(f'ir.decode.{key}.plain') / 1e6:.1f} M; generated types with JSONDecoder: "
                     f"{value(f'ir.decode.{key}.specgen-jsondecoder') / 1e6:.1f} M | {r:.2f}× plain"
                     f"{'' if j is None else f' (JSONDecoder: {j:.2f}×)'} | ≥ 1.3× plain | {check(r, lambda x: x >= 1.3)} |")
if "drift.catalog.parse" in rows:
    lines.append(f"| drift check of the decoded bodies: orders, exchangeInfo | {fmt('drift.orders.walk')}, {fmt('drift.exchangeInfo.walk')} | "
                 f"— | — | — | — |")
    lines.append(f"| reading the module's drift schema catalog (once per process) | {fmt('drift.catalog.parse')} | — | — | — | — |")
print("\n".join(lines))
