"""Benchmark `annotator import`: 10,000 generated articles of ~5,000 characters.

Times the import from one JSONL file and from a folder of .txt files, each into a fresh
database, and reports articles per second and the importing process's peak memory. To
show memory is flat in the number of articles, it also imports a quarter of the set.

    python benchmarks/bench_import.py [--articles 10000] [--chars 5000] [--out bench-out]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

SENTENCES = [
    "Ban Tuyên giáo Tỉnh ủy {p} tổ chức hội nghị tổng kết công tác tuyên giáo năm {y}",
    "Đồng chí {n}, Phó Bí thư Thường trực Tỉnh uỷ {p} dự và chỉ đạo hội nghị",
    "Hội nghị đã quán triệt Nghị quyết số {k}-NQ/TW của Bộ Chính trị về tăng cường bảo vệ nền "
    "tảng tư tưởng của Đảng",
    "Đồng chí đề nghị các cấp ủy đảng tiếp tục lãnh đạo thực hiện có hiệu quả Chỉ thị số "
    "{k}-CT/TW; nâng cao chất lượng sinh hoạt chi bộ",
    "UBND tỉnh {p} ban hành Quyết định số {k}/QĐ-UBND về kế hoạch chuyển đổi số giai đoạn {y} - {y2}",
    "Trong năm {y}, ngành Tuyên giáo đã mở {k} lớp bồi dưỡng lý luận chính trị cho cán bộ, đảng viên",
    "Thời gian tới, cần tập trung tuyên truyền đậm nét các ngày lễ lớn, sự kiện quan trọng "
    "của đất nước và của tỉnh {p}",
    "Sở Thông tin và Truyền thông phối hợp với Hội Nhà báo tỉnh định hướng thông tin cho các cơ quan báo chí",
    "Ông {n}, Chủ tịch UBND huyện yêu cầu các phòng, ban chuyên môn rà soát, báo cáo kết quả "
    "trước ngày {d}/{m}",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội đẩy mạnh tuyên truyền, vận động "
    "Nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
]
PROVINCES = [
    "Bắc Kạn",
    "Nghệ An",
    "Kon Tum",
    "Quảng Ninh",
    "Thanh Hóa",
    "Đắk Lắk",
    "Hà Giang",
    "Lạng Sơn",
    "Quảng Trị",
    "Hải Dương",
    "Cà Mau",
    "Điện Biên",
]
NAMES = [
    "Nguyễn Văn Hòa",
    "Trần Thị Lộc",
    "Lê Quang Tùng",
    "Phạm Hoàng Tinh",
    "Hoàng Văn Thắng",
    "Vũ Mạnh Hà",
    "Đỗ Thị Minh Hương",
    "Bùi Quốc Khánh",
]


def make_article(rng: random.Random, i: int, chars: int) -> tuple[str, str]:
    title = f"{rng.choice(PROVINCES)}: hội nghị số {i} về công tác tuyên giáo"
    parts, size = [title, ""], len(title)
    while size < chars:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            s = rng.choice(SENTENCES).format(
                p=rng.choice(PROVINCES),
                n=rng.choice(NAMES),
                y=rng.randint(2015, 2025),
                y2=rng.randint(2026, 2030),
                k=rng.randint(1, 999),
                d=rng.randint(1, 28),
                m=rng.randint(1, 12),
            )
            paragraph.append(s + ".")
        text = " ".join(paragraph)
        parts += [text, ""]
        size += len(text) + 2
    return title, "\n".join(parts).strip()


def generate(out: Path, n: int, chars: int) -> tuple[Path, Path]:
    rng = random.Random(20261123)
    jsonl = out / f"articles-{n}.jsonl"
    folder = out / f"txt-{n}"
    if jsonl.exists() and folder.exists():
        return jsonl, folder
    folder.mkdir(parents=True, exist_ok=True)
    with jsonl.open("w", encoding="utf-8") as fh:
        for i in range(n):
            title, text = make_article(rng, i, chars)
            fh.write(json.dumps({"id": str(i), "title": title, "text": text}, ensure_ascii=False) + "\n")
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return jsonl, folder


def timed_import(path: Path, db: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of the import process, and its summary line."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(path), "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read().strip().splitlines() if proc.stdout else []
    if status != 0:
        raise SystemExit(f"import failed: {proc.stderr.read() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024, out[-1] if out else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--chars", type=int, default=5000)
    ap.add_argument("--out", type=Path, default=Path("bench-out"))
    ap.add_argument("--keep", action="store_true", help="keep generated files")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    quarter = max(args.articles // 4, 1)
    print(f"generating {args.articles} articles of ~{args.chars} characters in {args.out} ...")
    sets = {n: generate(args.out, n, args.chars) for n in (quarter, args.articles)}
    size = sets[args.articles][0].stat().st_size / 1e6
    print(f"JSONL file: {size:.1f} MB\n")
    print(f"{'source':<8} {'articles':>8} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}  summary")
    for n, (jsonl, folder) in sets.items():
        for kind, path in (("jsonl", jsonl), ("txt dir", folder)):
            secs, rss, summary = timed_import(path, args.out / "bench.db")
            print(f"{kind:<8} {n:>8} {secs:>8.2f} {n / secs:>11.0f} {rss:>8.1f}  {summary}")
    if not args.keep:
        shutil.rmtree(args.out)


if __name__ == "__main__":
    main()
