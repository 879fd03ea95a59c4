#!/usr/bin/env python3
"""Write a spec with N endpoints, for measuring how lint scales with spec size.

The endpoints are copies of a real spec's endpoints (default specs/dfx-spot.yaml), each copy with a new id and a
new path; everything else (enums, models, errors, errata) is the real spec's, once. The first copy of each endpoint
is whole; later copies leave out prose and examples (summary, description, notes, source, examples, parameter
descriptions) so that 24,000 endpoints stay under the loader's 8 MB file limit.

    python3 scripts/synthetic-spec.py 24000 > /tmp/spec-24000.yaml
    .build/debug/specgen lint /tmp/spec-24000.yaml
"""
import re
import sys


def endpoint_blocks(lines):
    """(before, blocks, after): the lines before `endpoints:`, each endpoint's lines, the lines after the section."""
    start = lines.index("endpoints:\n")
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[A-Za-z]", lines[i])), len(lines))
    blocks, current = [], None
    for line in lines[start + 1:end]:
        if re.match(r"  [A-Za-z_][A-Za-z0-9_]*:\s*$", line):
            current = [line]
            blocks.append(current)
        elif current is not None:
            current.append(line)
    return lines[:start + 1], blocks, lines[end:]


PROSE = ("summary", "description", "notes", "source", "examples", "docs", "docsType")
# Left out of copies as well: an endpoint's WebSocket API method (its name must stay unique).
DROPPED = PROSE + ("webSocket",)


def copy(block, n):
    """The endpoint without prose, examples or WebSocket method, with id `<id>CN` and path `<path>/cN`."""
    out = [re.sub(r"^  ([A-Za-z_][A-Za-z0-9_]*):", lambda m: f"  {m.group(1)}C{n}:", block[0])]
    skip_deeper_than = None
    for line in block[1:]:
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper_than is not None and (indent > skip_deeper_than or not line.strip()):
            continue
        skip_deeper_than = None
        key = re.match(r"( *)([A-Za-z]+):", line)
        if key and key.group(2) in DROPPED:
            skip_deeper_than = indent
            continue
        line = re.sub(r", (%s): (\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^,}]*)" % "|".join(PROSE), "", line)
        out.append(re.sub(r"^(    path: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}/c{n}", line))
    return out


def main():
    if len(sys.argv) < 2 or not sys.argv[1].isdigit():
        sys.exit("usage: synthetic-spec.py N [source-spec]")
    count = int(sys.argv[1])
    source = sys.argv[2] if len(sys.argv) > 2 else "specs/dfx-spot.yaml"
    with open(source, encoding="utf-8") as f:
        lines = f.readlines()
    before, blocks, after = endpoint_blocks(lines)
    if not blocks:
        sys.exit(f"{source}: no endpoints found")
    out = sys.stdout
    out.writelines(before)
    for i in range(count):
        block = blocks[i % len(blocks)]
        # The first copy of each endpoint keeps its id, so the errata still point at something.
        out.writelines(block if i < len(blocks) else copy(block, i))
    out.writelines(after)


if __name__ == "__main__":
    main()
