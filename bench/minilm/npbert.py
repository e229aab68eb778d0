"""A numpy forward pass of the 6-layer MiniLM (BERT) encoder + mean pooling + the linear heads (prototype)."""

import numpy as np
from scipy.special import erf


class NpBert:
    def __init__(self, path, layers=6, heads=12):
        z = np.load(path)
        self.w = {k: z[k].astype(np.float32) for k in z.files}
        for i in range(layers):
            p = f"encoder.layer.{i}.attention.self."
            self.w[f"qkv{i}.w"] = np.concatenate(
                [self.w[p + n + ".weight"] for n in ("query", "key", "value")]
            ).T.copy()
            self.w[f"qkv{i}.b"] = np.concatenate([self.w[p + n + ".bias"] for n in ("query", "key", "value")])
            for n in ("attention.output.dense", "intermediate.dense", "output.dense"):
                self.w[f"encoder.layer.{i}.{n}.weightT"] = self.w[f"encoder.layer.{i}.{n}.weight"].T.copy()
        self.layers, self.heads = layers, heads

    @staticmethod
    def ln(x, g, b, eps=1e-12):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + eps) * g + b

    def forward(self, ids, mask):
        w = self.w
        B, T = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:T]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self.ln(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        H = self.heads
        D = x.shape[-1] // H
        neg = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            x = x.reshape(B * T, -1)
            qkv = (x @ w[f"qkv{i}.w"] + w[f"qkv{i}.b"]).reshape(B, T, -1)
            q, k, v = np.split(qkv, 3, axis=-1)
            q = q.reshape(B, T, H, D).transpose(0, 2, 1, 3)
            k = k.reshape(B, T, H, D).transpose(0, 2, 3, 1)
            v = v.reshape(B, T, H, D).transpose(0, 2, 1, 3)
            s = (q @ k) / np.sqrt(D) + neg
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            c = (s @ v).transpose(0, 2, 1, 3).reshape(B * T, H * D)
            x = self.ln(
                x + c @ w[p + "attention.output.dense.weightT"] + w[p + "attention.output.dense.bias"],
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            h = x @ w[p + "intermediate.dense.weightT"] + w[p + "intermediate.dense.bias"]
            h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
            x = self.ln(
                x + h @ w[p + "output.dense.weightT"] + w[p + "output.dense.bias"],
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            ).reshape(B, T, -1)
        m = mask[:, :, None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1.0)
        return pooled @ w["head.weight"].T + w["head.bias"]
