#!/usr/bin/env python3
"""Prints an XML document (already in canonical form, from xmllint --c14n)
with the differences that ITS allows between a source and its round trip
taken out, one element or text per line, so that two of them can be
compared with diff:

- whitespace that is not preserved: runs of it are one space (their
  presence is kept: words that a space separated stay apart);
- the language of the root (lang, xml:lang), which the build sets;
- elements whose Locale Filter admits no language (--drop NAME...);
- comments inside a unit (an element with text beside the comment);
- with --markers, the pseudo-translation's brackets.

Usage: canon.py [--preserve NAME,...] [--drop NAME,...] [--markers] FILE
"""
import re
import sys
from xml.dom import minidom, Node

XML_NS = "http://www.w3.org/XML/1998/namespace"


def main(argv):
    preserve, drop, markers = set(), set(), False
    args = argv[1:]
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--markers":
            markers = True
        elif opt == "--preserve":
            preserve = set(args.pop(0).split(","))
        elif opt == "--drop":
            drop = set(args.pop(0).split(","))
    text = open(args[0], encoding="utf-8").read()
    if markers:
        text = text.replace("\u27e6", "").replace("\u27e7", "")
    doc = minidom.parseString(text.encode("utf-8"))
    root = doc.documentElement
    for name in ("lang", "xml:lang"):
        if root.hasAttribute(name):
            root.removeAttribute(name)
    clean(root, preserve, drop)
    root.normalize()
    collapse(root, preserve, False)
    out = root.toxml()
    # One tag a line where no text stands between them.
    sys.stdout.write(re.sub(r">\s*<", ">\n<", out) + "\n")


def clean(el, preserve, drop):
    has_text = any(c.nodeType == Node.TEXT_NODE and c.data.strip() for c in el.childNodes)
    for c in list(el.childNodes):
        if c.nodeType == Node.ELEMENT_NODE:
            if c.localName in drop:
                el.removeChild(c)
            else:
                clean(c, preserve, drop)
        elif c.nodeType == Node.COMMENT_NODE and has_text:
            el.removeChild(c)


def collapse(el, preserve, keep):
    space = el.getAttributeNS(XML_NS, "space")
    keep = keep or el.localName in preserve or space == "preserve"
    if space == "default":
        keep = False
    for c in el.childNodes:
        if c.nodeType == Node.ELEMENT_NODE:
            collapse(c, preserve, keep)
        elif c.nodeType == Node.TEXT_NODE and not keep:
            c.data = re.sub(r"[ \t\r\n]+", " ", c.data)


if __name__ == "__main__":
    main(sys.argv)
