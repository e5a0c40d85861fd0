"""Regenerate the interface translations: lupdate -> fill Vietnamese -> lrelease.

    python tools/update_translations.py

Reads every translatable string of ``annotator/ui`` with Qt's lupdate, fills the
Vietnamese translation from ``VI`` below, writes ``resources/translations/annotator_vi.ts``
and compiles ``annotator_vi.qm`` with lrelease. A string without a translation is
listed and left unfinished (Qt then shows the English text).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "annotator_vi.ts"
BIN = Path(sys.executable).parent

VI = {
    # controller and dialogs
    "Proposing spans for this article…": "Đang đề xuất nhãn cho bài này…",
    "%n proposal(s) added": "Đã thêm %n đề xuất",
    "The proposer found nothing new in this article": "Bộ đề xuất không tìm thấy gì mới trong bài này",
    "Could not propose spans: %1": "Không đề xuất được nhãn: %1",
    "Label %1": "Gán nhãn %1",
    "Replaced %n overlapping span(s)": "Đã thay %n nhãn chồng lấn",
    "No more proposals in this article": "Bài này không còn đề xuất nào",
    "Select a span first (N: next proposal)": "Hãy chọn một nhãn trước (N: đề xuất tiếp theo)",
    "Accept": "Chấp nhận",
    "Reject": "Bác bỏ",
    "Delete span": "Xóa nhãn",
    "No proposals to accept": "Không có đề xuất nào để chấp nhận",
    "Accepted %n proposal(s)": "Đã chấp nhận %n đề xuất",
    "Accept paragraph": "Chấp nhận cả đoạn",
    "Accept all": "Chấp nhận tất cả",
    "Move boundary": "Dời ranh giới",
    "All articles are done": "Đã xong tất cả các bài",
    "Who is annotating?": "Ai đang gán nhãn?",
    "Your name, as it will be recorded with every span you make:":
        "Tên của bạn, sẽ được ghi cùng mỗi nhãn bạn gán:",
    "Preferences": "Tùy chọn",
    "System default": "Theo hệ thống",
    "Choose…": "Chọn…",
    "Font": "Phông chữ",
    "Font size": "Cỡ chữ",
    "Language": "Ngôn ngữ",
    "Label configuration": "Cấu hình nhãn",
    "Keyboard shortcuts": "Phím tắt",
    "Keys": "Phím",
    "Action": "Thao tác",
    "Annotation guidelines": "Hướng dẫn gán nhãn",
    "To do": "Chưa làm",
    "In progress": "Đang làm",
    "Done": "Đã xong",
    "Skipped": "Bỏ qua",
    "proposed": "đề xuất",
    "accepted": "đã chấp nhận",
    "rejected": "đã bác bỏ",
    "Status": "Trạng thái",
    "Title": "Tiêu đề",
    "Accepted": "Đã chấp nhận",
    "Proposed": "Đề xuất",
    "Label": "Nhãn",
    "Text": "Văn bản",
    "State": "Tình trạng",
    "Source": "Nguồn",
    # main window
    "Search titles and text (Ctrl+F)": "Tìm trong tiêu đề và nội dung (Ctrl+F)",
    "All articles": "Tất cả các bài",
    "Articles": "Bài viết",
    "Spans": "Nhãn",
    "Proposing spans in the background": "Đang đề xuất nhãn ở chế độ nền",
    "&File": "&Tệp",
    "&Edit": "&Sửa",
    "&Annotate": "&Gán nhãn",
    "&Tools": "&Công cụ",
    "&Help": "Trợ &giúp",
    "&New database…": "Cơ sở dữ liệu &mới…",
    "&Open database…": "&Mở cơ sở dữ liệu…",
    "&Import files…": "&Nhập tệp…",
    "Import &folder…": "Nhập &thư mục…",
    "&Export…": "&Xuất…",
    "&Quit": "T&hoát",
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "&Preferences…": "&Tùy chọn…",
    "Label as %1": "Gán nhãn %1",
    "Label exact characters as %1": "Gán nhãn %1 đúng từng ký tự",
    "Accept proposal": "Chấp nhận đề xuất",
    "Reject proposal": "Bác bỏ đề xuất",
    "Next proposal": "Đề xuất tiếp theo",
    "Previous proposal": "Đề xuất trước",
    "Next span": "Nhãn tiếp theo",
    "Previous span": "Nhãn trước",
    "Accept proposals in paragraph": "Chấp nhận các đề xuất trong đoạn",
    "Accept all proposals in article": "Chấp nhận mọi đề xuất trong bài",
    "Start one word left": "Đầu nhãn lùi một từ",
    "Start one word right": "Đầu nhãn tiến một từ",
    "End one word right": "Cuối nhãn tiến một từ",
    "End one word left": "Cuối nhãn lùi một từ",
    "Clear selection": "Bỏ chọn",
    "Mark done, next article": "Đánh dấu xong, sang bài tiếp",
    "Skip article": "Bỏ qua bài",
    "Next article": "Bài tiếp theo",
    "Previous article": "Bài trước",
    "&Propose for all articles…": "&Đề xuất cho mọi bài…",
    "&Find in articles": "&Tìm trong các bài",
    "Go to the &article text": "Đến &nội dung bài",
    "Annotation &guidelines": "&Hướng dẫn gán nhãn",
    "&Keyboard shortcuts": "&Phím tắt",
    "Export arrives with the export milestone": "Chức năng xuất sẽ có ở giai đoạn sau",
    "Preferences saved; the language and the label configuration apply from the next start":
        "Đã lưu tùy chọn; ngôn ngữ và cấu hình nhãn có hiệu lực từ lần mở sau",
    "%1: %2 / %3 done": "%1: xong %2 / %3",
    "New database": "Cơ sở dữ liệu mới",
    "Annotator databases (*.db)": "Cơ sở dữ liệu gán nhãn (*.db)",
    "Open database": "Mở cơ sở dữ liệu",
    "Annotator databases (*.db *.sqlite);;All files (*)":
        "Cơ sở dữ liệu gán nhãn (*.db *.sqlite);;Mọi tệp (*)",
    "Import articles": "Nhập bài viết",
    "Articles (*.txt *.jsonl *.csv);;All files (*)": "Bài viết (*.txt *.jsonl *.csv);;Mọi tệp (*)",
    "Import a folder of articles": "Nhập một thư mục bài viết",
    "Cancel": "Hủy",
    "Importing…": "Đang nhập…",
    "Import: %1": "Nhập: %1",
    "Proposing spans for all articles…": "Đang đề xuất nhãn cho mọi bài…",
    "Proposed %1 spans in %2 articles": "Đã đề xuất %1 nhãn trong %2 bài",
    "Export is not available yet.": "Chưa có chức năng xuất.",
    # export dialog
    "Export dataset": "Xuất bộ dữ liệu",
    "Default: gold if any article is approved, else accepted":
        "Mặc định: bản chuẩn nếu có bài đã duyệt, nếu không thì các nhãn đã chấp nhận",
    "gold: approved articles, accepted gold spans": "bản chuẩn: các bài đã duyệt, nhãn chuẩn đã chấp nhận",
    "accepted: annotators' accepted spans on finished articles":
        "đã chấp nhận: nhãn người gán đã chấp nhận trong các bài đã xong",
    "annotator: %1": "người gán: %1",
    "Shares that sum to 1; empty: one split": "Các tỉ lệ có tổng bằng 1; để trống: một phần duy nhất",
    "Default": "Mặc định",
    "&Browse…": "&Chọn…",
    "&Replace the folder if it is not empty": "&Thay thư mục nếu nó không trống",
    "&Format:": "Định &dạng:",
    "&Layer:": "&Lớp nhãn:",
    "&Split:": "&Chia tập:",
    "S&eed:": "&Hạt giống:",
    "&Tokens:": "Đơn &vị:",
    "&Output folder:": "Thư mục &đích:",
    "&Export": "&Xuất",
    "Export into folder": "Xuất vào thư mục",
    "Choose an output folder": "Hãy chọn thư mục đích",
    "Exporting…": "Đang xuất…",
    "Exported %1 to %2": "Đã xuất %1 vào %2",
    # learned model (annotator/ui/learning.py, Preferences)
    "Document order": "Thứ tự trong kho",
    "Least certain first": "Mô hình kém chắc chắn nhất trước",
    "Least certain first: the articles the learned model is least sure about come first":
        "Mô hình kém chắc chắn nhất trước: các bài mô hình học được ít chắc chắn nhất lên đầu",
    "Learned model %1 trained on %2 articles; cross-validated F1 %3":
        "Mô hình học %1 đã huấn luyện trên %2 bài; F1 kiểm chứng chéo %3",
    "Could not train the learned model: %1": "Không huấn luyện được mô hình học: %1",
    "never": "không bao giờ",
    "Train the learned model again in the background after this many newly finished articles (0: never)":
        "Huấn luyện lại mô hình học ở chế độ nền sau từng ấy bài mới hoàn thành (0: không bao giờ)",
    "Retrain after finished articles": "Huấn luyện lại sau số bài hoàn thành",
}


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)],
                   check=True, capture_output=True)
    text = TS.read_text(encoding="utf-8")
    missing = []

    def fill(m: re.Match) -> str:
        source = html.unescape(m.group(2))
        vi = VI.get(source)
        if vi is None:
            missing.append(source)
            return m.group(0)
        numerus = "numerus=\"yes\"" in m.group(1)
        body = (f"<numerusform>{html.escape(vi, quote=False)}</numerusform>" if numerus
                else html.escape(vi, quote=False))
        return f"{m.group(1)}<source>{m.group(2)}</source>{m.group(3)}<translation>{body}</translation>"

    text = re.sub(r"(<message[^>]*>\s*(?:<location[^>]*/>\s*)*)<source>(.*?)</source>(\s*)"
                  r"<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
    text = text.replace('language=""', 'language="vi_VN"')
    if 'language="' not in text:
        text = text.replace("<TS version", '<TS language="vi_VN" version')
    TS.write_text(text, encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    print(f"{TS.with_suffix('.qm')} ({len(VI)} strings, {len(missing)} missing)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
