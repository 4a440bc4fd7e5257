#!/usr/bin/env python3
"""Writes the in-scope questions of question sets into the passages' `examples:` lists (docs/knowledge.md).

    python3 docs/benchmarks/examples_from_sets.py knowledge src/test/resources/knowledge/quality-tuning*.jsonl

Each question with an expected passage becomes an example of the first expected passage; off-topic lines (expected
null) are skipped. Every `examples:` list in the knowledge directory is rewritten from the given sets, so running it
again with the same sets changes nothing. Never give it a frozen set: a question that a frozen set beside the given sets
also has is skipped, and the test `ExampleQuestionsTest` fails when a frozen question is an example. Questions are kept as written (typos, missing å/ä/ö): that is how people ask.
"""
import glob
import json
import os
import re
import sys


def key(question):
    return ' '.join(question.split()).lower()


def frozen_questions(sets):
    """Questions of the frozen sets next to the given sets: never an example, even when a tuning set repeats one."""
    frozen = set()
    for directory in {os.path.dirname(path) or '.' for path in sets}:
        for path in glob.glob(os.path.join(directory, 'quality-frozen*.jsonl')):
            with open(path, encoding='utf-8') as f:
                frozen.update(key(json.loads(line)['q']) for line in f if line.strip())
    return frozen


def examples_by_passage(sets):
    by_id = {}
    frozen = frozen_questions(sets)
    for path in sets:
        if 'frozen' in path:
            sys.exit(f'{path}: a frozen set must never become examples')
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                expected = row.get('expected')
                if isinstance(expected, str):
                    expected = [expected]
                if expected and key(row['q']) not in frozen:
                    question = ' '.join(row['q'].split())
                    if question not in by_id.setdefault(expected[0], []):
                        by_id[expected[0]].append(question)
    return by_id


EXAMPLES_BLOCK = re.compile(r'^examples:\n(?:  - .*\n)*', re.M)
AFTER = re.compile(r'^(?:asked:\n(?:  - .*\n)*|asked: \[.*\]\n|question: .*\n)', re.M)


def rewrite(text, examples):
    end = text.index('\n---', 3)
    front, rest = text[:end + 1], text[end + 1:]
    front = EXAMPLES_BLOCK.sub('', front)
    if examples:
        block = 'examples:\n' + ''.join('  - ' + json.dumps(q, ensure_ascii=False) + '\n' for q in examples)
        anchor = None
        for anchor in AFTER.finditer(front):
            pass
        at = anchor.end() if anchor else front.index('\n', front.index('\nlang:') + 1) + 1
        front = front[:at] + block + front[at:]
    return front + rest


def main():
    directory, sets = sys.argv[1], sys.argv[2:]
    by_id = examples_by_passage(sets)
    files = {}
    for path in glob.glob(directory + '/**/*.md', recursive=True):
        with open(path, encoding='utf-8') as f:
            m = re.search(r'^id:\s*(\S+)', f.read(), re.M)
        if m:
            files[m.group(1)] = path
    unknown = sorted(set(by_id) - set(files))
    if unknown:
        sys.exit('unknown passage ids: ' + ', '.join(unknown))
    for pid, path in files.items():
        with open(path, encoding='utf-8') as f:
            text = f.read()
        new = rewrite(text, by_id.get(pid, []))
        if new != text:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(new)
    print(json.dumps({'passages': len(by_id), 'examples': sum(len(v) for v in by_id.values())}))


if __name__ == '__main__':
    main()
