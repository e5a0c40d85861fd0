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
    "Your name, as it will be recorded with every span you make:": "Tên của bạn, sẽ được ghi cùng mỗi nhãn bạn gán:",
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
    "Preferences saved; the language and the label configuration apply from the next start": "Đã lưu tùy chọn; ngôn ngữ và cấu hình nhãn có hiệu lực từ lần mở sau",
    "%1: %2 / %3 done": "%1: xong %2 / %3",
    "New database": "Cơ sở dữ liệu mới",
    "Annotator databases (*.db)": "Cơ sở dữ liệu gán nhãn (*.db)",
    "Open database": "Mở cơ sở dữ liệu",
    "Annotator databases (*.db *.sqlite);;All files (*)": "Cơ sở dữ liệu gán nhãn (*.db *.sqlite);;Mọi tệp (*)",
    "Import articles": "Nhập bài viết",
    "Articles and annotations (%1);;All files (*)": "Bài viết và chú thích (%1);;Mọi tệp (*)",
    # the import dialog
    "%1 — %2 characters, %3 spans as %4": "%1 — %2 ký tự, %3 nhãn, nhập là %4",
    "&Annotator": "&Người gán nhãn",
    "&Format": "Định &dạng",
    "&Import": "&Nhập",
    "Import": "Nhập",
    "Computing agreement…": "Đang tính mức đồng thuận…",
    "Reading the review queue…": "Đang đọc hàng đợi duyệt…",
    "Reading the review queue: %1 / %2 articles": "Đang đọc hàng đợi duyệt: %1 / %2 bài",
    "accepted by %1, done": "đã chấp nhận bởi %1, đã xong",
    "accepted by %1": "đã chấp nhận bởi %1",
    "gold, approved": "bản chuẩn, đã duyệt",
    "gold": "bản chuẩn",
    "proposals": "đề xuất",
    "Span": "Đoạn",
    "Files": "Tệp",
    "Label &map": "Đổi &tên nhãn",
    "Label Studio: import": "Label Studio: nhập",
    "Labels that are not ours, left out (map them): %1": "Nhãn không thuộc bộ nhãn này, bị bỏ qua (hãy đổi tên chúng): %1",
    "Mark each article done (approved, for gold)": "Đánh dấu mỗi bài là xong (đã duyệt, với bản chuẩn)",
    "No article could be read.": "Không đọc được bài nào.",
    "Preview of the first article (nothing is written yet):": "Xem trước bài đầu tiên (chưa ghi gì cả):",
    "Spans &become": "Nhãn &trở thành",
    "Tell by each file's content": "Nhận biết theo nội dung từng tệp",
    "accepted work of one annotator": "kết quả đã chấp nhận của một người gán nhãn",
    "completed annotations": "các chú thích đã hoàn tất",
    "gold, as decided by a reviewer": "bản chuẩn, như người duyệt đã quyết định",
    "predictions": "các dự đoán",
    "proposals, offered to every annotator": "đề xuất, cho mọi người gán nhãn",
    "Import a folder of articles": "Nhập một thư mục bài viết",
    "Cancel": "Hủy",
    "Importing…": "Đang nhập…",
    "Import: %1": "Nhập: %1",
    "Proposing spans for all articles…": "Đang đề xuất nhãn cho mọi bài…",
    "Proposed %1 spans in %2 articles": "Đã đề xuất %1 nhãn trong %2 bài",
    "Export is not available yet.": "Chưa có chức năng xuất.",
    # export dialog
    "Export dataset": "Xuất bộ dữ liệu",
    "Default: gold if any article is approved, else accepted": "Mặc định: bản chuẩn nếu có bài đã duyệt, nếu không thì các nhãn đã chấp nhận",
    "gold: approved articles, accepted gold spans": "bản chuẩn: các bài đã duyệt, nhãn chuẩn đã chấp nhận",
    "accepted: annotators' accepted spans on finished articles": "đã chấp nhận: nhãn người gán đã chấp nhận trong các bài đã xong",
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
    # review window and agreement dashboard
    "Span F1 (exact)": "F1 nhãn (khớp đúng)",
    "Span F1 (overlap)": "F1 nhãn (chồng lấn)",
    "Cohen's κ": "κ của Cohen",
    "Krippendorff's α": "α của Krippendorff",
    "Annotator": "Người gán nhãn",
    "Done / assigned": "Xong / được giao",
    "Agreement": "Mức đồng thuận",
    "Disagreements": "Bất đồng",
    "Annotators": "Người gán nhãn",
    "No pair of annotators has finished the same article yet": "Chưa có cặp người gán nhãn nào cùng làm xong một bài",
    "Agreement dashboard — %1": "Bảng đồng thuận — %1",
    "&Pair of annotators:": "&Cặp người gán nhãn:",
    "Agreement per label": "Đồng thuận theo nhãn",
    "Progress per annotator": "Tiến độ từng người",
    "Lowest agreement (Enter to review)": "Đồng thuận thấp nhất (Enter để duyệt)",
    "All pairs": "Mọi cặp",
    "%1 pair(s) of annotators, %2 shared article(s)": "%1 cặp người gán nhãn, %2 bài chung",
    "No disagreements in this article": "Bài này không có bất đồng",
    "No disagreement selected (N: next disagreement)": "Chưa chọn bất đồng nào (N: bất đồng tiếp theo)",
    "Cannot take both: entities in gold cannot overlap; take one version or edit by hand": "Không lấy cả hai được: thực thể trong bản chuẩn không được chồng nhau; "
    "hãy chọn một phiên bản hoặc sửa tay",
    "This article has no annotator %1": "Bài này không có người gán nhãn %1",
    "Take %1's version": "Lấy phiên bản của %1",
    "Take all versions": "Lấy mọi phiên bản",
    "Take no version": "Không lấy phiên bản nào",
    "Approve article": "Duyệt bài",
    "Every article in the review queue is approved": "Mọi bài trong hàng chờ đã được duyệt",
    "all agree": "mọi người đồng ý",
    "other label": "khác nhãn",
    "other boundaries": "khác ranh giới",
    "not all have it": "không phải ai cũng có",
    "one annotator": "một người gán nhãn",
    "added by reviewer": "người duyệt thêm",
    "to decide": "cần quyết định",
    "decided": "đã quyết định",
    "Approved": "Đã duyệt",
    "Gold": "Chuẩn",
    "Ann.": "Người",
    "Dis.": "B.đồng",
    "Open": "Còn lại",
    "Agr.": "Đ.thuận",
    "The gold layer's state: to do, in progress, approved": "Trạng thái bản chuẩn: chưa làm, đang làm, đã duyệt",
    "Annotators who finished the article": "Số người đã làm xong bài",
    "Disagreements between the annotators": "Số bất đồng giữa những người gán nhãn",
    "Disagreements (or a single annotator's spans) still to decide": "Số bất đồng (hoặc nhãn của một người) còn phải quyết định",
    "Agreement: mean exact span F1 over pairs of annotators": "Đồng thuận: F1 khớp đúng trung bình trên các cặp",
    "Kind": "Loại",
    "nothing": "không có gì",
    "has it: %1": "có: %1",
    "not: %1": "không có: %1",
    "decided by %1": "do %1 quyết định",
    "Review — %1 — %2": "Duyệt — %1 — %2",
    "Review queue": "Hàng chờ duyệt",
    "&Review": "&Duyệt",
    "&View": "&Xem",
    "&Close review": "Đó&ng cửa sổ duyệt",
    "Next disagreement": "Bất đồng tiếp theo",
    "Previous disagreement": "Bất đồng trước",
    "Take annotator %1's version": "Lấy phiên bản của người %1",
    "Take all versions (both)": "Lấy mọi phiên bản (cả hai)",
    "Take no version (neither)": "Không lấy phiên bản nào",
    "Accept span into gold": "Nhận nhãn vào bản chuẩn",
    "Reject span": "Loại nhãn",
    "Approve article, next": "Duyệt bài, sang bài sau",
    "Annotators' versions &side by side": "Các phiên bản &cạnh nhau",
    "Agreement &dashboard": "&Bảng đồng thuận",
    "&Refresh the queue": "&Làm mới hàng chờ",
    "Reviewer %1: %2 / %3 approved": "Người duyệt %1: đã duyệt %2 / %3",
    "No article": "Chưa có bài",
    "%1 annotator(s): %2 · %3 to decide": "%1 người gán nhãn: %2 · %3 cần quyết định",
    "&Review and adjudicate…": "&Duyệt và phân xử…",
    "Agreement &dashboard…": "&Bảng đồng thuận…",
    "Not done: %1": "Chưa thực hiện: %1",
    "All reviewable articles": "Mọi bài có thể duyệt",
    "Not approved yet": "Chưa duyệt",
    # learned model (annotator/ui/learning.py, Preferences)
    "Document order": "Thứ tự trong kho",
    "Least certain first": "Mô hình kém chắc chắn nhất trước",
    "Least certain first: the articles the learned model is least sure about come first": "Mô hình kém chắc chắn nhất trước: các bài mô hình học được ít chắc chắn nhất lên đầu",
    "Learned model %1 trained on %2 articles; cross-validated F1 %3": "Mô hình học %1 đã huấn luyện trên %2 bài; F1 kiểm chứng chéo %3",
    "Could not train the learned model: %1": "Không huấn luyện được mô hình học: %1",
    "never": "không bao giờ",
    "Train the learned model again in the background after this many newly finished articles (0: never)": "Huấn luyện lại mô hình học ở chế độ nền sau từng ấy bài mới hoàn thành (0: không bao giờ)",
    "Retrain after finished articles": "Huấn luyện lại sau số bài hoàn thành",
    "&Train the learned model now": "&Huấn luyện mô hình học ngay",
    "Training the learned model…": "Đang huấn luyện mô hình học…",
    "Training the learned model in the background…": "Đang huấn luyện mô hình học ở chế độ nền…",
    "The learned model is already training": "Mô hình học đang được huấn luyện",
    # one action, one transaction: undo, refusals, finishing (issue 13)
    "Nothing to undo": "Không còn gì để hoàn tác",
    "Could not undo: %1": "Không hoàn tác được: %1",
    "Undone: %1": "Đã hoàn tác: %1",
    "Nothing to redo": "Không còn gì để làm lại",
    "Could not redo: %1": "Không làm lại được: %1",
    "Select some text or a span first": "Hãy chọn một đoạn chữ hoặc một nhãn trước",
    "Already labelled": "Đã được gán nhãn này rồi",
    "%n left undecided: they overlap a decided span or a surer proposal.": "%n đề xuất chưa quyết: chúng chồng lên một nhãn đã quyết hoặc một đề xuất chắc hơn.",
    "The boundary cannot move further": "Không dời ranh giới thêm được nữa",
    "Mark done": "Đánh dấu xong",
    "No article left to do: %1 done, %2 skipped (choose “Skipped” in the list to see them)": "Không còn bài nào phải làm: %1 bài xong, %2 bài bỏ qua (chọn “Bỏ qua” trong danh "
    "sách để xem)",
    "Another program is using the database; nothing was changed. Try again in a moment.": "Một chương trình khác đang dùng cơ sở dữ liệu; chưa có gì thay đổi. Hãy thử lại sau "
    "giây lát.",
    "The database file is read-only; nothing was changed.": "Tệp cơ sở dữ liệu chỉ cho phép đọc; chưa có gì thay đổi.",
    "The disk is full; nothing was changed.": "Ổ đĩa đã đầy; chưa có gì thay đổi.",
    "The database file is damaged; nothing was changed.": "Tệp cơ sở dữ liệu bị hỏng; chưa có gì thay đổi.",
    "The database file cannot be opened; nothing was changed.": "Không mở được tệp cơ sở dữ liệu; chưa có gì thay đổi.",
    "The database could not be written; nothing was changed.": "Không ghi được vào cơ sở dữ liệu; chưa có gì thay đổi.",
    "That span does not fit the article's text; nothing was changed.": "Nhãn này không khớp với văn bản của bài; chưa có gì thay đổi.",
    "It would overlap the accepted {other} “{text}”: {label} spans cannot overlap it.": "Nhãn sẽ chồng lên nhãn {other} đã chấp nhận “{text}”: nhãn {label} không được chồng "
    "lên nó.",
    "There is already an accepted {label} span at exactly these characters.": "Đã có một nhãn {label} được chấp nhận đúng ở các ký tự này.",
    "This article was changed outside this window (another window or a merge); "
    "open it again to see the changes.": "Bài này đã bị thay đổi bên ngoài cửa sổ này (cửa sổ khác hoặc khi gộp); hãy mở lại "
    "bài để thấy các thay đổi.",
    "The selection holds no text to label.": "Vùng chọn không có chữ nào để gán nhãn.",
    "%n proposal(s) undecided": "%n đề xuất chưa quyết",
    "%n proposal(s) in this article are still undecided.": "Bài này còn %n đề xuất chưa được quyết định.",
    "Accept them, or leave them out of your annotations (they are rejected)? "
    "Overlapping ones that do not fit are left out.": "Chấp nhận chúng, hay loại chúng khỏi nhãn của bạn (chúng bị bác bỏ)? Những đề xuất "
    "chồng lấn không vừa sẽ bị loại.",
    "&Accept them": "&Chấp nhận chúng",
    "&Leave them out": "&Loại bỏ chúng",
    "%n article(s) match; Enter or Down opens them": "%n bài khớp; Enter hoặc mũi tên xuống để mở",
    "%n match(es) in this article": "%n chỗ khớp trong bài này",
    # identity
    "Recorded with every span you make from now on; work saved under another name keeps "
    "that name": "Được ghi cùng mọi nhãn bạn tạo từ nay; phần việc đã lưu dưới tên khác vẫn giữ tên đó",
    "Your name": "Tên của bạn",
    "Whose annotations?": "Làm việc dưới tên ai?",
    "This file holds the work of %1, not yours (%2).": "Tệp này chứa phần việc của %1, không phải của bạn (%2).",
    "Continue %1's work, or start your own annotations in this file?": "Tiếp tục phần việc của %1, hay bắt đầu gán nhãn của riêng bạn trong tệp này?",
    "Work as %1": "Làm việc với tên %1",
    "From now on you work as %1; what was saved as %2 keeps that name": "Từ nay bạn làm việc với tên %1; những gì đã lưu dưới tên %2 vẫn giữ tên đó",
    "by hand": "gán tay",
    "imported": "nhập vào",
    "proposer": "bộ đề xuất",
    "Preferences saved; a new label configuration applies from the next start": "Đã lưu tùy chọn; cấu hình nhãn mới có hiệu lực từ lần mở sau",
    "The folder %1 is not empty: tick “Replace the folder if it is not empty”, or choose "
    "another folder.": "Thư mục %1 không trống: hãy đánh dấu “Thay thư mục nếu nó không trống”, hoặc chọn "
    "thư mục khác.",
    "First steps: N goes to the next proposal, A accepts it, X rejects it; select text and "
    "press 1–4 to label it; [ ] { } move the current span's ends; D marks the article done; "
    "Ctrl+Z undoes; F1 shows the guidelines, Ctrl+/ every key. (This hint goes away after "
    "your first finished article.)": "Bắt đầu: N đến đề xuất tiếp theo, A chấp nhận, X bác bỏ; chọn chữ rồi bấm 1–4 để gán "
    "nhãn; [ ] { } dời hai đầu của nhãn đang chọn; D đánh dấu bài đã xong; Ctrl+Z hoàn "
    "tác; F1 mở hướng dẫn, Ctrl+/ xem mọi phím tắt. (Lời nhắc này biến mất sau bài đầu "
    "tiên bạn hoàn thành.)",
    "Cannot approve yet: %n disagreement(s) not decided": "Chưa thể duyệt: còn %n chỗ bất đồng chưa quyết",
    "The label configuration %1 cannot be used; the default labels are used.": "Không dùng được cấu hình nhãn %1; dùng các nhãn mặc định.",
    "%1 is already open for %2 in another window; work there, or close it first.": "%1 đang được mở cho %2 ở một cửa sổ khác; hãy làm việc ở đó, hoặc đóng nó trước.",
}


# Qt's own dialogs and buttons (standard buttons, file dialogs, the text context menu):
# Qt ships no Vietnamese translation of them, so we do, by context.
QT_VI = {
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với &tất cả",
        "&No": "&Không",
        "N&o to All": "K&hông với tất cả",
        "Abort": "Hủy bỏ",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Hủy",
        "Discard": "Bỏ đi",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
        "Don't Save": "Không lưu",
        "Close without Saving": "Đóng mà không lưu",
    },
    "QMessageBox": {"Show Details...": "Hiện chi tiết...", "Hide Details...": "Ẩn chi tiết...", "OK": "OK"},
    "QWidgetTextControl": {
        "&Copy": "&Sao chép",
        "Copy &Link Location": "Sao chép địa chỉ &liên kết",
        "Select All": "Chọn tất cả",
        "&Undo": "&Hoàn tác",
        "&Redo": "&Làm lại",
        "Cu&t": "C&ắt",
        "&Paste": "&Dán",
        "Delete": "Xóa",
    },
    "QLineEdit": {
        "&Undo": "&Hoàn tác",
        "&Redo": "&Làm lại",
        "Cu&t": "C&ắt",
        "&Copy": "&Sao chép",
        "&Paste": "&Dán",
        "Delete": "Xóa",
        "Select All": "Chọn tất cả",
    },
    "QFileDialog": {
        "Look in:": "Tìm trong:",
        "File &name:": "&Tên tệp:",
        "Files of type:": "Loại tệp:",
        "&Open": "&Mở",
        "&Save": "&Lưu",
        "&Choose": "&Chọn",
        "Cancel": "Hủy",
        "All Files (*)": "Mọi tệp (*)",
        "Directory:": "Thư mục:",
        "Back": "Lùi lại",
        "Forward": "Tiến tới",
        "Parent Directory": "Thư mục cha",
        "Create New Folder": "Tạo thư mục mới",
        "List View": "Dạng danh sách",
        "Detail View": "Dạng chi tiết",
        "New Folder": "Thư mục mới",
        "&Rename": "Đổi &tên",
        "&Delete": "&Xóa",
        "Show &hidden files": "Hiện tệp &ẩn",
        "Open": "Mở",
        "Save As": "Lưu thành",
        "Find Directory": "Tìm thư mục",
        "My Computer": "Máy tính",
    },
    "QFileSystemModel": {"Name": "Tên", "Size": "Kích thước", "Date Modified": "Ngày sửa", "Type": "Loại"},
    "QInputDialog": {"Enter a value:": "Nhập một giá trị:"},
    "QProgressDialog": {"Cancel": "Hủy"},
}


def write_qt_ts() -> None:
    """resources/translations/qt_vi.ts (and .qm): Qt's own strings in Vietnamese."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="vi_VN">']
    for context, messages in QT_VI.items():
        parts.append(f"<context>\n    <name>{context}</name>")
        for source, vi in messages.items():
            parts.append(
                f"    <message>\n        <source>{html.escape(source, quote=False)}"
                f"</source>\n        <translation>{html.escape(vi, quote=False)}"
                "</translation>\n    </message>"
            )
        parts.append("</context>")
    parts.append("</TS>\n")
    qt_ts = TS.with_name("qt_vi.ts")
    qt_ts.write_text("\n".join(parts), encoding="utf-8")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(qt_ts), "-qm", str(qt_ts.with_suffix(".qm"))],
        check=True,
        capture_output=True,
    )


def main() -> int:
    write_qt_ts()
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").glob("*.py"))
    sources.append(str(ROOT / "annotator" / "edits.py"))  # refusals the window shows
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)],
        check=True,
        capture_output=True,
    )
    text = TS.read_text(encoding="utf-8")
    missing = []

    def fill(m: re.Match) -> str:
        source = html.unescape(m.group(2))
        vi = VI.get(source)
        if vi is None:
            missing.append(source)
            return m.group(0)
        numerus = 'numerus="yes"' in m.group(1)
        body = (
            f"<numerusform>{html.escape(vi, quote=False)}</numerusform>"
            if numerus
            else html.escape(vi, quote=False)
        )
        return f"{m.group(1)}<source>{m.group(2)}</source>{m.group(3)}<translation>{body}</translation>"

    text = re.sub(
        r"(<message[^>]*>\s*(?:<location[^>]*/>\s*)*)<source>(.*?)</source>(\s*)"
        r"<translation[^>]*>.*?</translation>",
        fill,
        text,
        flags=re.S,
    )
    text = text.replace('language=""', 'language="vi_VN"')
    if 'language="' not in text:
        text = text.replace("<TS version", '<TS language="vi_VN" version')
    TS.write_text(text, encoding="utf-8")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
        check=True,
        capture_output=True,
    )
    for source in missing:
        print(f"untranslated: {source!r}")
    print(f"{TS.with_suffix('.qm')} ({len(VI)} strings, {len(missing)} missing)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
