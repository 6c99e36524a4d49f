#!/usr/bin/env python3
"""Wraps Swift lines longer than 120 bytes (what `awk 'length > 120'` counts with mawk).

Comments are re-wrapped at word boundaries with the same `//` or `///` prefix. Code is broken after the last
`, ` inside brackets (the shallowest such comma that leaves a reasonable first line), the continuation aligned
one column after the open bracket, as the code base writes argument lists. Lines inside multi-line string
literals, and lines with no such comma, are left alone and listed (`path:line`) for a hand edit.

Usage: scripts/wrap-long-lines.py [-w] FILE...   (-w rewrites the files; without it, only lists)
"""
import re
import sys

LIMIT = 120


def blen(text):
    return len(text.encode())


def indent_of(text):
    return len(text) - len(text.lstrip())


def scan(line):
    """(index, char, open-bracket positions, "S" inside a string literal, "I" inside an interpolation, "" in code) of each character;
    None on `\"\"\"`."""
    stack, out, interp = [], [], []
    i, n, in_str = 0, len(line), False
    if line.lstrip().startswith('"""'):
        # The end of a multi-line literal: the code after it counts.
        i = len(line) - len(line.lstrip()) + 3
    while i < n:
        c = line[i]
        if in_str:
            if c == '\\' and i + 1 < n:
                if line[i + 1] == '(':
                    interp.append(len(stack))
                    stack.append(i + 1)
                    in_str = False
                i += 2
                continue
            if c == '"':
                in_str = False
            out.append((i, c, list(stack), 'S'))
            i += 1
            continue
        if line.startswith('//', i):
            break
        if c == '"':
            if line.startswith('"""', i):
                return None
            in_str = True
            out.append((i, c, list(stack), 'S'))
            i += 1
            continue
        if c in '([':
            stack.append(i)
        elif c in ')]':
            if interp and interp[-1] == len(stack) - 1:
                interp.pop()
                stack.pop()
                in_str = True
                i += 1
                continue
            if stack:
                stack.pop()
        out.append((i, c, list(stack), 'I' if interp else ''))
        i += 1
    return out


def wrap_code(line):
    # `@Option(help: "…") var name: Type` → the declaration on a line of its own.
    attribute = re.match(r'^(\s*)(@\w+(?:\(.*\))?) ((?:var|let) .*)$', line)
    if attribute and scan(line) is not None:
        indent, first, second = attribute.groups()
        if blen(indent + first) <= LIMIT and blen(indent + second) <= LIMIT:
            return [indent + first, indent + second]
    pieces, cur = [], line
    while blen(cur) > LIMIT:
        chars = scan(cur)
        if chars is None:
            return None
        # A comma outside brackets separates the arguments of a call opened on an earlier line: the
        # continuation keeps this line's indentation.
        cands = [(i, st) for (i, c, st, s) in chars
                 if blen(cur[:i + 1]) <= LIMIT and not s and c == ',' and cur[i + 1:i + 2] == ' ']
        if not cands:
            # A long condition: break before the last `||` or `&&` that fits, the continuation indented.
            ops = [i for (i, c, st, s) in chars if not s and not st and cur.startswith((' || ', ' && '), i)
                   and blen(cur[:i]) <= LIMIT and i > indent_of(cur) + 20]
            if ops:
                pieces.append(cur[:ops[-1]])
                cur = ' ' * (indent_of(cur) + 4) + cur[ops[-1] + 1:]
                continue
            split = split_string(cur, chars)
            if split is None:
                return pieces + [cur] if pieces else None
            pieces.append(split[0])
            cur = split[1]
            continue
        indent0 = len(cur) - len(cur.lstrip())
        shallow = min(len(st) for _, st in cands)
        good = [c for c in cands if len(c[1]) == shallow and c[0] > indent0 + 30]
        i, stack = (good or cands)[-1]
        indent = stack[-1] + 1 if stack else indent0
        rest = cur[i + 1:].lstrip()
        if indent + len(rest) >= len(cur) or indent < indent0:
            return pieces + [cur] if pieces else None
        pieces.append(cur[:i + 1].rstrip())
        cur = ' ' * indent + rest
    return pieces + [cur]


def split_string(cur, chars):
    """Splits the string literal that crosses the limit at its last fitting space: `"… "` + newline + `+ "…"`,
    the `+` under the literal's opening quote. None when there is no such literal (raw strings are left)."""
    literals, start = [], None
    for i, c, stack, in_string in chars:
        if c != '"' or in_string != 'S':
            continue
        if start is None:
            start = i
        elif i != start:
            literals.append((start, i))
            start = None
    for start, end in literals:
        if start > 0 and cur[start - 1] == '#':
            continue
        if blen(cur[:end + 1]) <= LIMIT or start < len(cur) - len(cur.lstrip()):
            continue
        inside = {i for i, c, stack, in_string in chars if in_string == 'S' and start < i < end}
        spaces = [i for i in range(start + 1, end) if cur[i] == ' ' and i in inside and blen(cur[:i + 1]) <= LIMIT - 1]
        if not spaces or spaces[-1] <= start + 10:
            return None
        cut = spaces[-1]
        return cur[:cut + 1] + '"', ' ' * start + '+ "' + cur[cut + 1:]
    return None


def wrap_comment(line):
    prefix, text = re.match(r'^(\s*//+\s?)(.*)$', line).groups()
    lines, cur = [], prefix
    for word in text.split(' '):
        candidate = cur + word if cur == prefix else cur + ' ' + word
        if blen(candidate) > LIMIT and cur != prefix:
            lines.append(cur.rstrip())
            cur = prefix + word
        else:
            cur = candidate
    lines.append(cur)
    return None if any(blen(l) > LIMIT for l in lines) else lines


def process(path, write):
    out, left, in_string, merge_indent = [], [], False, None
    for number, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
        if merge_indent is not None:
            # After a wrapped argument list, pull the next argument line up when it fits (no orphan lines).
            target, merge_indent = merge_indent, None
            joined = out[-1].rstrip() + ' ' + line.lstrip()
            stripped = line.strip()
            if (len(line) - len(line.lstrip()) == target and blen(joined) <= LIMIT and stripped
                    and not stripped.startswith('//') and '"""' not in line):
                out[-1] = joined
                continue
        closing = in_string and line.lstrip().startswith('"""') and line.count('"""') == 1
        if (not in_string or closing) and blen(line) > LIMIT:
            comment = line.lstrip().startswith('//')
            new = wrap_comment(line) if comment else wrap_code(line)
            if new:
                out.extend(new)
                if not comment and len(new) > 1 and new[-1].rstrip().endswith(','):
                    merge_indent = len(new[-1]) - len(new[-1].lstrip())
            else:
                out.append(line)
                left.append(number)
        else:
            out.append(line)
            if blen(line) > LIMIT:
                left.append(number)
        if line.count('"""') % 2 == 1:
            in_string = not in_string
    if write:
        open(path, 'w', encoding='utf-8').write('\n'.join(out))
    return left


if __name__ == '__main__':
    args = sys.argv[1:]
    write = bool(args) and args[0] == '-w'
    for path in args[1:] if write else args:
        for number in process(path, write):
            print(f'{path}:{number}')
