#!/usr/bin/env python3
"""SweFAQ v2.0 answer selection through `knowledge rank --jsonl`: prints accuracy (top-1) and MRR.

Usage (from the project root, after `mvn -q -DskipTests package`):
    python3 docs/benchmarks/swefaq_accuracy.py ../shared/benchmarks/swefaq/dev.jsonl

The data is read where it lies and never copied into the project. Extra arguments after the file are
passed to the command (e.g. `--knowledge DIR`).
"""
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: swefaq_accuracy.py SPLIT.jsonl [extra rank options]")
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    requests = "".join(
        json.dumps({"id": str(i), "q": r["question"], "lang": "sv", "candidates": r["candidate_answers"]},
                   ensure_ascii=False) + "\n"
        for i, r in enumerate(rows))
    run = subprocess.run(["java", "-jar", "target/vagvisaren.jar", "knowledge", "rank", "--jsonl", *sys.argv[2:]],
                         input=requests.encode("utf-8"), capture_output=True, check=True)
    answers = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines() if line.startswith("{")]
    by_id = {a["id"]: a for a in answers}
    correct, reciprocal = 0, 0.0
    for i, r in enumerate(rows):
        ranking = by_id[str(i)]["ranking"]
        assert sorted(ranking) == list(range(len(r["candidate_answers"]))), f"row {i}: not a permutation"
        position = ranking.index(r["label"])
        correct += position == 0
        reciprocal += 1.0 / (position + 1)
    print(json.dumps({"n": len(rows), "accuracy": round(correct / len(rows), 3), "mrr": round(reciprocal / len(rows), 3)}))


if __name__ == "__main__":
    main()
