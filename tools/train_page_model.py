"""Train the finder's page-region model (hardware/scanner/pagemask.py) and export it as ONNX.

A developer's tool, not part of the kiosk: it needs PyTorch (`pip install torch==2.13.0 onnx`, CPU
build), which the kiosk does not. The kiosk runs the exported file with OpenCV's dnn module.

    python tools/train_page_model.py data --count 12000 --out /tmp/pages.npz
    python tools/train_page_model.py train --data /tmp/pages.npz --epochs 24 --out /tmp/page.pt
    python tools/train_page_model.py export --weights /tmp/page.pt

Training frames come from `hardware.scanner.synthetic.make_sample` with seeds from TRAIN_SEED_BASE
on, far above the benchmark's (benchmarks/scan_accuracy.py uses seed·1 000 000 + desk·10 000 + i
with seed 0), so no benchmark frame is ever trained on. They are drawn at several camera sizes and
aspect ratios, squeezed to the network's input and paired with the true quad filled as the target.
"""

from __future__ import annotations

import argparse
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.scanner.pagemask import INPUT_MEAN, INPUT_SIZE, MODEL_PATH, OUTPUT_STRIDE  # noqa: E402
from hardware.scanner.synthetic import BACKGROUNDS, DOCUMENTS, make_sample  # noqa: E402

TRAIN_SEED_BASE = 70_000_000
# Camera sizes drawn for training: mostly 16:9 as kiosk cameras give, some 4:3 webcams. Smaller
# than the cameras' own: the network sees 192 × 112 of it, and a 1080p frame costs 3× the time.
SIZES = ((1280, 720), (960, 540), (1024, 576), (1024, 768), (800, 600))
DOCUMENT_WEIGHTS = {"a4": 0.4, "a5": 0.2, "id1": 0.2, "household": 0.2}


def _one(index: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(TRAIN_SEED_BASE + index)
    background = BACKGROUNDS[index % len(BACKGROUNDS)]
    document = str(rng.choice(DOCUMENTS, p=[DOCUMENT_WEIGHTS[d] for d in DOCUMENTS]))
    size = SIZES[int(rng.integers(len(SIZES)))]
    sample = make_sample(TRAIN_SEED_BASE + index, background, document, size=size)
    width, height = size
    image = cv2.resize(sample.frame, INPUT_SIZE, interpolation=cv2.INTER_AREA)
    scale = np.array([INPUT_SIZE[0] / width, INPUT_SIZE[1] / height])
    # The target at 4× the input's resolution, filled then area-averaged: soft at the border.
    fine = np.zeros((INPUT_SIZE[1] * 4, INPUT_SIZE[0] * 4), np.uint8)
    points = np.asarray(sample.quad, np.float64) * scale * 4
    cv2.fillPoly(fine, [np.rint(points * 16).astype(np.int32)], 255, cv2.LINE_AA, shift=4)
    mask = cv2.resize(fine, INPUT_SIZE, interpolation=cv2.INTER_AREA)
    return image, mask


def make_data(count: int, out: Path, workers: int, first: int = 0) -> None:
    started = time.time()
    with Pool(workers) as pool:
        pairs = pool.map(_one, range(first, first + count), chunksize=32)
    images = np.stack([p[0] for p in pairs])
    masks = np.stack([p[1] for p in pairs])
    np.savez(out, images=images, masks=masks)
    print(f"{count} frames in {time.time() - started:.0f} s → {out}")


def _model():  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    def conv(cin: int, cout: int, stride: int = 1, dilation: int = 1) -> nn.Sequential:
        return nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, padding=dilation, dilation=dilation, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
        )

    class PageNet(nn.Module):
        """Encoder to 1/16 with dilated convolutions for the whole-frame context (which straight
        lines are the page's), decoder back to 1/4 with skips for where its border runs."""

        def __init__(self) -> None:
            super().__init__()
            self.e1 = nn.Sequential(conv(3, 12, 2), conv(12, 12))
            self.e2 = nn.Sequential(conv(12, 24, 2), conv(24, 24))
            self.e3 = nn.Sequential(conv(24, 32, 2), conv(32, 32))
            self.e4 = nn.Sequential(conv(32, 48, 2), conv(48, 48, dilation=2), conv(48, 48, dilation=4))
            self.d3 = conv(48 + 32, 32)
            self.d2 = conv(32 + 24, 24)
            self.head = nn.Conv2d(24, 1, 1)
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            x1 = self.e1(x)
            x2 = self.e2(x1)
            x3 = self.e3(x2)
            x4 = self.e4(x3)
            y = self.d3(torch.cat([self.up(x4), x3], 1))
            y = self.d2(torch.cat([self.up(y), x2], 1))
            return self.head(y)

    return PageNet()


def _augment(images, masks, generator):  # type: ignore[no-untyped-def]
    """Flips and lighting changes the generator does not make itself, applied per batch."""
    import torch

    n = images.shape[0]
    flip_x = torch.rand(n, generator=generator) < 0.5
    flip_y = torch.rand(n, generator=generator) < 0.3
    images[flip_x] = images[flip_x].flip(-1)
    masks[flip_x] = masks[flip_x].flip(-1)
    images[flip_y] = images[flip_y].flip(-2)
    masks[flip_y] = masks[flip_y].flip(-2)
    gain = 1 + 0.25 * (torch.rand(n, 3, 1, 1, generator=generator) - 0.5)
    bias = 0.15 * (torch.rand(n, 1, 1, 1, generator=generator) - 0.5)
    contrast = 1 + 0.4 * (torch.rand(n, 1, 1, 1, generator=generator) - 0.5)
    mean = images.mean(dim=(1, 2, 3), keepdim=True)
    images = ((images - mean) * contrast + mean) * gain + bias
    images = images + 0.02 * torch.randn(images.shape, generator=generator)
    return images.clamp(0, 1), masks


def train(data: list[Path], epochs: int, out: Path, batch: int, resume: Path | None, lr: float) -> None:
    import torch
    import torch.nn.functional as functional

    torch.set_num_threads(2)
    generator = torch.Generator().manual_seed(0)
    sets = [np.load(path) for path in data]
    images = torch.from_numpy(np.concatenate([s["images"] for s in sets])).permute(0, 3, 1, 2).contiguous()
    masks = torch.from_numpy(np.concatenate([s["masks"] for s in sets]))[:, None].contiguous()
    count = images.shape[0]
    held = max(1, count // 20)  # the last 5 % checks the fit on frames not trained on
    model = _model()
    if resume is not None:
        model.load_state_dict(torch.load(resume))
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    steps = epochs * ((count - held) // batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=lr, total_steps=steps)
    pool = functional.avg_pool2d

    def target(m: torch.Tensor) -> torch.Tensor:
        return pool(m.float() / 255.0, OUTPUT_STRIDE)

    for epoch in range(epochs):
        model.train()
        order = torch.randperm(count - held, generator=generator)
        started, total = time.time(), 0.0
        for start in range(0, count - held - batch + 1, batch):
            index = order[start : start + batch]
            x, m = _augment(images[index].float() / 255.0, masks[index].clone(), generator)
            y = target(m)
            logits = model(x - INPUT_MEAN)
            probability = torch.sigmoid(logits)
            # Cross-entropy for every pixel, plus a soft Dice term so that small cards count as
            # much as pages filling the frame.
            dice = 1 - (2 * (probability * y).sum((1, 2, 3)) + 1) / (
                probability.sum((1, 2, 3)) + y.sum((1, 2, 3)) + 1
            )
            loss = functional.binary_cross_entropy_with_logits(logits, y) + dice.mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(index)
        model.eval()
        with torch.no_grad():
            x = images[count - held :].float() / 255.0
            y = target(masks[count - held :])
            p = torch.sigmoid(model(x - INPUT_MEAN)) > 0.5
            truth = y > 0.5
            iou = (p & truth).sum((1, 2, 3)).float() / (p | truth).sum((1, 2, 3)).clamp(min=1).float()
        print(
            f"epoch {epoch + 1}/{epochs}: loss {total / (count - held):.4f}, held-out IoU mean "
            f"{float(iou.mean()):.4f} min {float(iou.min()):.4f}, {time.time() - started:.0f} s",
            flush=True,
        )
        torch.save(model.state_dict(), out)


def export(weights: Path, out: Path) -> None:
    import torch

    model = _model()
    model.load_state_dict(torch.load(weights))
    model.eval()
    example = torch.zeros(1, 3, INPUT_SIZE[1], INPUT_SIZE[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        model,
        (example,),
        str(out),
        opset_version=13,
        input_names=["frame"],
        output_names=["page"],
        dynamo=False,
    )
    # The same answer from OpenCV's dnn as from PyTorch, on a real frame.
    sample = make_sample(TRAIN_SEED_BASE - 1, "wood", "a4", size=(1280, 720))
    image = cv2.resize(sample.frame, INPUT_SIZE, interpolation=cv2.INTER_AREA)
    with torch.no_grad():
        x = torch.from_numpy(image).permute(2, 0, 1)[None].float() / 255.0 - INPUT_MEAN
        expected = model(x).numpy()
    net = cv2.dnn.readNetFromONNX(str(out))
    net.setInput(cv2.dnn.blobFromImage(image, 1 / 255.0, INPUT_SIZE, (INPUT_MEAN * 255,) * 3))
    got = net.forward()
    print(
        f"exported {out} ({out.stat().st_size} bytes); OpenCV vs PyTorch max difference "
        f"{float(np.abs(got - expected).max()):.2e}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data")
    data.add_argument("--count", type=int, default=12000)
    data.add_argument("--out", type=Path, required=True)
    data.add_argument("--workers", type=int, default=2)
    data.add_argument("--first", type=int, default=0, help="index of the first frame (to add to a set)")
    fit = sub.add_parser("train")
    fit.add_argument("--data", type=Path, nargs="+", required=True, help="one or more sets from `data`")
    fit.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (one-cycle schedule)")
    fit.add_argument("--epochs", type=int, default=30)
    fit.add_argument("--batch", type=int, default=32)
    fit.add_argument("--out", type=Path, required=True)
    fit.add_argument("--resume", type=Path)
    out = sub.add_parser("export")
    out.add_argument("--weights", type=Path, required=True)
    out.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    if args.command == "data":
        make_data(args.count, args.out, args.workers, args.first)
    elif args.command == "train":
        train(args.data, args.epochs, args.out, args.batch, args.resume, args.lr)
    else:
        export(args.weights, args.out)


if __name__ == "__main__":
    main()
