#!/usr/bin/env python3
"""Rewrites a spec with the same meaning in another style, for the no-findings test of `specgen diff`.

Mapping keys come in reverse order (the top level stays a block mapping), lists whose order carries no meaning are reversed, block collections become
flow and flow become block, multi-line text becomes double-quoted, and comments are gone. Scalars keep their exact
text and tags, so the result means the same to SpecGen's YAML 1.2 loader.

    python3 restyle.py ../../../../specs/dfx-spot.yaml > dfx-spot-restyled.yaml
"""
import sys
import yaml

# Lists whose order is meaning: the first server is the default, weight cases and variant defaults match first,
# weight ranges ascend, positional models are slot order.
ORDERED = {"servers", "cases", "defaults", "ranges", "positional"}


def restyle(node, key=None):
    if isinstance(node, yaml.MappingNode):
        node.value = [(k, restyle(v, k.value)) for k, v in reversed(node.value)]
        node.flow_style = not node.flow_style
    elif isinstance(node, yaml.SequenceNode):
        items = [restyle(v) for v in node.value]
        node.value = items if key in ORDERED else list(reversed(items))
        node.flow_style = not node.flow_style
    elif isinstance(node, yaml.ScalarNode) and "\n" in node.value.strip():
        node.style = '"'
    return node


root = restyle(yaml.compose(open(sys.argv[1], encoding="utf-8")))
root.flow_style = False  # the top level stays a block mapping, as every spec writes it
sys.stdout.write(yaml.serialize(root, allow_unicode=True, width=100))
