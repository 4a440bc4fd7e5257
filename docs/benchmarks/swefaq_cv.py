#!/usr/bin/env python3
"""SweFAQ ranking experiments on features of the handbook search, with cross-validated weights.

The features come from the test-source class se.vagvisaren.knowledge.SwefaqFeatureDump (one JSON line per dev
question: per candidate the BM25 score of each question term in `body` and `lead` with the term's query weight,
the gram clause, the coverage, a thesaurus clause, sloppy-phrase pairs, the analysed tokens). This script

1. recombines them into the shipped ranking (checks that it gives the jar's dev accuracy),
2. sweeps single new features on all of dev (in-sample, optimistic),
3. learns weights with 10-fold cross-validation over the dev questions (3 shuffles): each fold is scored with
   weights learned on the other nine, so the printed CV accuracy is the honest figure for "learn the weights",
   a) coordinate ascent over the shipped formula's parameters (+ the new features), b) with --listwise, a
   log-linear model trained with a softmax (listwise) loss (needs numpy).

Usage, from the project root (see docs/knowledge.md, "SweFAQ"):
    mvn -q -o -DskipTests test-compile
    mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
    java -cp target/test-classes:target/classes:$(cat target/test.cp) \
        se.vagvisaren.knowledge.SwefaqFeatureDump ../shared/benchmarks/swefaq/dev.jsonl target/swefaq-features.jsonl
    python3 docs/benchmarks/swefaq_cv.py target/swefaq-features.jsonl [--listwise]
"""
import json
import math
import random
import sys

# The shipped ranking (PassageIndex): per term dismax(body ×1, lead ×0.5, tie-breaker 0.2) × query weight, plus
# 0.2 × grams, times coverage^0.5.
SHIPPED = dict(lead=0.5, tie=0.2, grams=0.2, cexp=0.5, thes=0.0, prox2=0.0, prox8=0.0, early=0.0, yesno=0.0,
               prefix=0.0, lenp=0.0)
QUESTION_WORDS = {"vad", "hur", "när", "var", "vem", "vilka", "vilken", "vilket", "varför", "vart", "vems"}
EARLY_TOKENS = 12
PREFIX_MIN = 5


def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    for r in rows:
        first = r["q"].split()[0].lower() if r["q"].split() else ""
        r["_yesno"] = first not in QUESTION_WORDS          # "Får …", "Kan …", "Har …": a yes/no question
        for c in r["cands"]:
            toks = c["toks"]
            c["_words"] = sum(w * b for w, b, _ in c["terms"])  # unused by the formula; handy when exploring
            c["_early"] = share(r, set(toks[:EARLY_TOKENS]))   # question covered by the first 12 tokens
            c["_ja"] = 1 if toks and toks[0] in ("ja", "nej") else 0
            c["_prefix_cov"] = prefix_coverage(r, set(toks))
    return rows


def share(r, tokens):
    total = matched = 0.0
    for g in r["qg"]:
        total += g["w"]
        if any(w in tokens for w in g["words"]):
            matched += g["w"]
    return matched / total if total else 0.0


def prefix_coverage(r, tokens):
    """Coverage where a stem that is a prefix of a candidate stem (or the reverse, ≥ 5 letters) also counts."""
    total = matched = 0.0
    for g in r["qg"]:
        total += g["w"]
        if any(w in tokens for w in g["words"]) or sum(p in tokens for p in g["parts"]) >= 2:
            matched += g["w"]
        elif not g["num"] and any(len(w) >= PREFIX_MIN and any(
                len(t) >= PREFIX_MIN and (t.startswith(w) or w.startswith(t)) for t in tokens) for w in g["words"]):
            matched += g["w"]
    return matched / total if total else 0.0


def score(r, c, p):
    words = 0.0
    for w, b, l in c["terms"]:
        lead = p["lead"] * l
        best = max(b, lead)
        words += w * (best + p["tie"] * (b + lead - best))
    if words <= 0:
        return None  # no word in common: the search does not return it (it follows in the given order)
    s = words + p["grams"] * c["grams"] + p["thes"] * c["thes"] + p["prox2"] * c["prox2"] + p["prox8"] * c["prox8"]
    cov = c["_prefix_cov"] if p["prefix"] > 0 else c["cov"]
    s *= cov ** p["cexp"] if cov > 0 else 0.0
    s *= (1 + p["early"] * c["_early"]) * (1 + p["yesno"] * c["_ja"] * r["_yesno"]) * c["len"] ** (-p["lenp"])
    return s


def evaluate(rows, p):
    correct = reciprocal = 0.0
    for r in rows:
        scores = [score(r, c, p) for c in r["cands"]]
        order = sorted(range(len(scores)), key=lambda i: (scores[i] is None, -(scores[i] or 0), i))
        position = order.index(r["label"])
        correct += position == 0
        reciprocal += 1 / (position + 1)
    return correct / len(rows), reciprocal / len(rows)


GRID = dict(lead=[0.25, 0.5, 0.75], tie=[0.1, 0.2, 0.3], grams=[0.1, 0.2, 0.3], cexp=[0.25, 0.5, 0.75],
            thes=[0, 0.1, 0.3], prox8=[0, 0.2, 0.5], early=[0, 0.1, 0.5], yesno=[0, 0.3, 0.6], prefix=[0, 1])


def fit(rows, keys):
    """Coordinate ascent from the shipped values; objective accuracy + 0.1 × MRR (MRR breaks ties)."""
    p = dict(SHIPPED)
    best = sum(x * w for x, w in zip(evaluate(rows, p), (1, 0.1)))
    for _ in range(2):
        changed = False
        for k in keys:
            for v in GRID[k]:
                q = dict(p, **{k: v})
                o = sum(x * w for x, w in zip(evaluate(rows, q), (1, 0.1)))
                if o > best + 1e-9:
                    best, p, changed = o, q, True
        if not changed:
            break
    return p


def cross_validate(rows, train, test, folds=10, seeds=(1, 2, 3)):
    accuracies, mrrs = [], []
    for seed in seeds:
        order = list(range(len(rows)))
        random.Random(seed).shuffle(order)
        correct = reciprocal = 0.0
        for f in range(folds):
            held = set(order[f::folds])
            model = train([rows[i] for i in order if i not in held])
            part = [rows[i] for i in order if i in held]
            a, m = test(part, model)
            correct += a * len(part)
            reciprocal += m * len(part)
        accuracies.append(correct / len(rows))
        mrrs.append(reciprocal / len(rows))
    return sum(accuracies) / len(seeds), sum(mrrs) / len(seeds), accuracies


def listwise(rows, folds_args):
    import numpy as np

    def feats(r, c):
        words = sum(w * (max(b, 0.5 * l) + 0.2 * (b + 0.5 * l - max(b, 0.5 * l))) for w, b, l in c["terms"])
        return [math.log(words + 1e-3), math.log(c["grams"] + 1), math.log(c["cov"] + 1e-3), c["_early"],
                c["_ja"] * r["_yesno"], math.log(c["len"]), math.log(c["thes"] + 1), math.log(c["prox8"] + 1)]
    names = ["log words", "log grams", "log coverage", "early", "yes/no", "log length", "thesaurus", "proximity"]
    x_all = [np.array([feats(r, c) for c in r["cands"]]) for r in rows]
    stacked = np.vstack(x_all)
    mu, sd = stacked.mean(0), stacked.std(0) + 1e-9
    for r, x in zip(rows, x_all):
        r["_x"] = (x - mu) / sd

    def train(part, cols, l2):
        w = np.zeros(len(cols))
        for _ in range(300):
            g = l2 * w
            for r in part:
                x = r["_x"][:, cols]
                s = x @ w
                e = np.exp(s - s.max())
                e /= e.sum()
                g += (x.T @ e - x[r["label"]]) / len(part)
            w -= 0.5 * g
        return w

    def test(part, model):
        cols, w = model
        correct = reciprocal = 0.0
        for r in part:
            s = r["_x"][:, cols] @ w
            order = sorted(range(len(s)), key=lambda j: (-s[j], j))
            position = order.index(r["label"])
            correct += position == 0
            reciprocal += 1 / (position + 1)
        return correct / len(part), reciprocal / len(part)

    for cols in ([0, 2], [0, 1, 2], [0, 1, 2, 3, 4], list(range(len(names)))):
        for l2 in (0.01, 0.1):
            a, m, _ = cross_validate(rows, lambda part: (cols, train(part, cols, l2)), test, **folds_args)
            print(f"listwise {'+'.join(names[c] for c in cols)} (L2 {l2}): CV accuracy {a:.3f}, MRR {m:.3f}", flush=True)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: swefaq_cv.py FEATURES.jsonl [--listwise]")
    rows = load(sys.argv[1])
    a, m = evaluate(rows, SHIPPED)
    print(f"shipped ranking, recombined: accuracy {a:.3f}, MRR {m:.3f} (n={len(rows)})")
    for key, values in [("thes", [0.05, 0.1, 0.3, 0.5]), ("prox2", [0.05, 0.1, 0.5, 1]), ("prox8", [0.05, 0.2, 0.5, 1]),
                        ("early", [0.1, 0.25, 0.5, 1]), ("yesno", [0.3, 0.6]), ("prefix", [1]),
                        ("lenp", [-0.1, 0.05, 0.1, 0.2])]:
        figures = ", ".join(f"{v}: {evaluate(rows, dict(SHIPPED, **{key: v}))[0]:.3f}" for v in values)
        print(f"in-sample {key}: {figures}")
    for name, keys in [("shipped parameters", ["lead", "tie", "grams", "cexp"]),
                       ("new features", ["thes", "prox8", "early", "yesno"]),
                       ("the two +1 ideas: prefix stems, yes/no cue", ["prefix", "yesno"]),
                       ("all but prefix", [k for k in GRID if k != "prefix"])]:
        full = evaluate(rows, fit(rows, keys))[0]
        a, m, each = cross_validate(rows, lambda part: fit(part, keys), evaluate)
        print(f"coordinate ascent, {name}: in-sample {full:.3f}; CV accuracy {a:.3f}, MRR {m:.3f} "
              f"(per shuffle {', '.join(f'{x:.3f}' for x in each)})", flush=True)
    if "--listwise" in sys.argv:
        listwise(rows, {})


if __name__ == "__main__":
    main()
