"""Compare the repo blend, the fine-tuned MiniLM and their blend on two held-out folds (tune on one, test on the other)."""

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from hifazat.evaluation.tasks import apply_task, blend
from hifazat.training.tuning import objective, tune_offsets

repo = np.load(Path(sys.argv[1]) / "oof_en.npz")
tasks = json.loads(Path(Path(sys.argv[1]) / "tasks.json").read_text())
d = json.loads(Path(Path(sys.argv[1]) / "en_rows.json").read_text())
labels = d["labels"]
ft = np.load(sys.argv[2])
col = {
    "olid": int(sys.argv[3]) if len(sys.argv) > 3 else 1,
    "hasoc_en": int(sys.argv[4]) if len(sys.argv) > 4 else 2,
}
pos_ft = {int(r): k for k, r in enumerate(ft["rows"])}


def sig(z):
    return 1 / (1 + np.exp(-z))


SEED = 20240601
TH = np.round(np.arange(0.05, 0.951, 0.01), 2)


def repo_probs(heads, rows):
    out = {}
    for h in heads:
        hr = repo[f"rows:{h}"]
        p = repo[f"p:{h}"]
        m = {int(r): j for j, r in enumerate(hr)}
        out[h] = p[[m[int(r)] for r in rows]]
    return out


def mf1(y, pred):
    return f1_score(y, pred, average="macro")


def fast_mf1(y, p):
    tp = np.sum(y & p, axis=-1)
    fp = np.sum(~y & p, axis=-1)
    fn = np.sum(y & ~p, axis=-1)
    tn = np.sum(~y & ~p, axis=-1)
    return (2 * tp / np.maximum(2 * tp + fp + fn, 1) + 2 * tn / np.maximum(2 * tn + fn + fp, 1)) / 2


def paired_bootstrap(pairs, n=2000):
    """Mean over both test folds of macro-F1(blend) - macro-F1(repo): 95% interval and P(diff <= 0)."""
    rng = np.random.default_rng(SEED)
    diffs = np.zeros(n)
    for y, a, b in pairs:
        y = y.astype(bool)
        idx = rng.integers(0, len(y), (n, len(y)))
        diffs += (fast_mf1(y[idx], b[idx]) - fast_mf1(y[idx], a[idx])) / len(pairs)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return {
        "mean": round(float(diffs.mean()), 4),
        "ci95": [round(float(lo), 4), round(float(hi), 4)],
        "p_le_0": round(float((diffs <= 0).mean()), 4),
    }


def binary(name, corpus, truth_fn, fold_key, rows_key):
    task = tasks[name]
    rows_all, fold = ft[rows_key], ft[fold_key]
    res = {}
    pairs = []
    for tune_f, test_f in ((1, 0), (0, 1)):
        R = {}
        for tag, f in (("tune", tune_f), ("test", test_f)):
            rows = rows_all[fold == f]
            y = np.array([truth_fn(labels[i]) for i in rows])
            pr = blend(task["blend"], repo_probs(task["blend"].keys(), rows))
            pm = sig(ft["logits"][[pos_ft[int(r)] for r in rows], col[corpus]])
            R[tag] = (y, pr, pm)
        yt, prt, pmt = R["tune"]
        ys, prs, pms = R["test"]
        out = {}
        out["repo_manifest_threshold"] = mf1(ys, prs >= task["threshold"])

        def tuned(a, b, yt=yt, ys=ys):
            th = max(TH, key=lambda t: mf1(yt, a >= t))
            return mf1(ys, b >= th), th

        out["repo_retuned"], _ = tuned(prt, prs)
        out["minilm_alone"], _ = tuned(pmt, pms)
        best = None
        for w in (1.0, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.0):
            a = w * prt + (1 - w) * pmt
            th = max(TH, key=lambda t: mf1(yt, a >= t))
            v = mf1(yt, a >= th)
            if best is None or v > best[0]:
                best = (v, w, th)
        _, w, th = best
        out["blend_tuned"] = mf1(ys, (w * prs + (1 - w) * pms) >= th)
        out["blend_w_th"] = (w, float(th))
        pairs.append((ys, prs >= task["threshold"], (w * prs + (1 - w) * pms) >= th))
        out["blend_0.5_tuned_th"], _ = tuned(0.5 * prt + 0.5 * pmt, 0.5 * prs + 0.5 * pms)
        out["auc_repo"] = roc_auc_score(ys, prs)
        out["auc_minilm"] = roc_auc_score(ys, pms)
        out["auc_blend50"] = roc_auc_score(ys, 0.5 * prs + 0.5 * pms)
        res[f"tune{tune_f}_test{test_f}"] = out
    keys = [k for k in res["tune1_test0"] if k != "blend_w_th"]
    res["mean"] = {
        k: round(float(np.mean([res[r][k] for r in ("tune1_test0", "tune0_test1")])), 4) for k in keys
    }
    res["bootstrap_blend_minus_repo"] = paired_bootstrap(pairs)
    print(
        name,
        json.dumps(res, default=lambda o: round(float(o), 4) if not isinstance(o, tuple) else o, indent=1),
    )


binary("olid-a", "olid", lambda lab: int(lab["subtask_a"] == "OFF"), "olid_fold", "olid_rows")
if "hasoc_en" in set(d["sources"][int(r)] for r in ft["rows"]):
    binary("hasoc-en-a", "hasoc_en", lambda lab: int(lab["task_1"] == "HOF"), "hasoc_fold", "hasoc_rows")
    # Davidson: blend the 3-class probabilities, keep the repo's boosts, tune offsets on one fold
    task = tasks["davidson"]
    heads = ["davidson"] + [b["head"] for b in task["boost"]]
    rows_all, fold = ft["dav_rows"], ft["dav_fold"]
    score = objective("davidson:0.25", task["labels"])
    res = {}
    for tune_f, test_f in ((1, 0), (0, 1)):
        P, Y = {}, {}
        for tag, f in (("tune", tune_f), ("test", test_f)):
            rows = rows_all[fold == f]
            P[tag] = repo_probs(heads, rows)
            z = ft["logits"][[pos_ft[int(r)] for r in rows]][:, 3:6]
            e = np.exp(z - z.max(1, keepdims=True))
            P[tag]["minilm"] = e / e.sum(1, keepdims=True)
            Y[tag] = [labels[i]["class"] for i in rows]
        out = {}
        pred = apply_task(task, P["test"])
        out["repo_manifest"] = (
            f1_score(Y["test"], pred, average="weighted"),
            f1_score(Y["test"], pred, labels=["0"], average="macro"),
        )
        for w in (1.0, 0.5, 0.0):
            pt = {**P["tune"], "davidson": w * P["tune"]["davidson"] + (1 - w) * P["tune"]["minilm"]}
            ps = {**P["test"], "davidson": w * P["test"]["davidson"] + (1 - w) * P["test"]["minilm"]}
            betas = (tuple(b["beta"] for b in task["boost"]),) if w > 0 else ((0.0, 0.0),)
            tuned, v = tune_offsets({**task}, pt, Y["tune"], score, mixes=betas)
            pred = apply_task(tuned, ps)
            out[f"w_repo={w}"] = (
                f1_score(Y["test"], pred, average="weighted"),
                f1_score(Y["test"], pred, labels=["0"], average="macro"),
            )
        res[f"tune{tune_f}_test{test_f}"] = out
    res["mean"] = {
        k: [round(float(np.mean([res[r][k][j] for r in ("tune1_test0", "tune0_test1")])), 4) for j in (0, 1)]
        for k in res["tune1_test0"]
    }
    print("davidson (weighted F1, hate F1)", json.dumps(res, default=float, indent=1))
