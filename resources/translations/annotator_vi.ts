<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="69"/>
        <source>Proposing spans for this article…</source>
        <translation>Đang đề xuất nhãn cho bài này…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="82"/>
        <source>%n proposal(s) added</source>
        <translation><numerusform>Đã thêm %n đề xuất</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="83"/>
        <source>The proposer found nothing new in this article</source>
        <translation>Bộ đề xuất không tìm thấy gì mới trong bài này</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="91"/>
        <source>Could not propose spans: %1</source>
        <translation>Không đề xuất được nhãn: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="175"/>
        <source>Label %1</source>
        <translation>Gán nhãn %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="179"/>
        <source>Replaced %n overlapping span(s)</source>
        <translation><numerusform>Đã thay %n nhãn chồng lấn</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="190"/>
        <source>No more proposals in this article</source>
        <translation>Bài này không còn đề xuất nào</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="216"/>
        <source>Select a span first (N: next proposal)</source>
        <translation>Hãy chọn một nhãn trước (N: đề xuất tiếp theo)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="223"/>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="226"/>
        <source>Reject</source>
        <translation>Bác bỏ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="236"/>
        <source>Delete span</source>
        <translation>Xóa nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="244"/>
        <source>No proposals to accept</source>
        <translation>Không có đề xuất nào để chấp nhận</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="247"/>
        <source>Accepted %n proposal(s)</source>
        <translation><numerusform>Đã chấp nhận %n đề xuất</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="254"/>
        <source>Accept paragraph</source>
        <translation>Chấp nhận cả đoạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="258"/>
        <source>Accept all</source>
        <translation>Chấp nhận tất cả</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="278"/>
        <source>Move boundary</source>
        <translation>Dời ranh giới</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="291"/>
        <source>All articles are done</source>
        <translation>Đã xong tất cả các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="37"/>
        <source>Who is annotating?</source>
        <translation>Ai đang gán nhãn?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="38"/>
        <source>Your name, as it will be recorded with every span you make:</source>
        <translation>Tên của bạn, sẽ được ghi cùng mỗi nhãn bạn gán:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="74"/>
        <source>Preferences</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="83"/>
        <source>System default</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="90"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="95"/>
        <source>Font</source>
        <translation>Phông chữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="96"/>
        <source>Font size</source>
        <translation>Cỡ chữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="97"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="98"/>
        <location filename="../../annotator/ui/dialogs.py" line="106"/>
        <source>Label configuration</source>
        <translation>Cấu hình nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="123"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="128"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="128"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="143"/>
        <source>Annotation guidelines</source>
        <translation>Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="29"/>
        <source>To do</source>
        <translation>Chưa làm</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="29"/>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="30"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="30"/>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="31"/>
        <source>proposed</source>
        <translation>đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="31"/>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="32"/>
        <source>rejected</source>
        <translation>đã bác bỏ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="61"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="61"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="61"/>
        <source>Accepted</source>
        <translation>Đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="62"/>
        <source>Proposed</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="152"/>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="152"/>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="152"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="153"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="67"/>
        <source>Export dataset</source>
        <translation>Xuất bộ dữ liệu</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="79"/>
        <source>Default: gold if any article is approved, else accepted</source>
        <translation>Mặc định: bản chuẩn nếu có bài đã duyệt, nếu không thì các nhãn đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="81"/>
        <source>gold: approved articles, accepted gold spans</source>
        <translation>bản chuẩn: các bài đã duyệt, nhãn chuẩn đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="82"/>
        <source>accepted: annotators&apos; accepted spans on finished articles</source>
        <translation>đã chấp nhận: nhãn người gán đã chấp nhận trong các bài đã xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="85"/>
        <source>annotator: %1</source>
        <translation>người gán: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="89"/>
        <source>Shares that sum to 1; empty: one split</source>
        <translation>Các tỉ lệ có tổng bằng 1; để trống: một phần duy nhất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="93"/>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="98"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="103"/>
        <source>&amp;Replace the folder if it is not empty</source>
        <translation>&amp;Thay thư mục nếu nó không trống</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="106"/>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="107"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Lớp nhãn:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="108"/>
        <source>&amp;Split:</source>
        <translation>&amp;Chia tập:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="109"/>
        <source>S&amp;eed:</source>
        <translation>&amp;Hạt giống:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="110"/>
        <source>&amp;Tokens:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="114"/>
        <source>&amp;Output folder:</source>
        <translation>Thư mục &amp;đích:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="119"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="135"/>
        <source>Export into folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="150"/>
        <source>Choose an output folder</source>
        <translation>Hãy chọn thư mục đích</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="155"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="155"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="177"/>
        <source>Exported %1 to %2</source>
        <translation>Đã xuất %1 vào %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="125"/>
        <source>Search titles and text (Ctrl+F)</source>
        <translation>Tìm trong tiêu đề và nội dung (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="129"/>
        <source>All articles</source>
        <translation>Tất cả các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="136"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="142"/>
        <source>Spans</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153"/>
        <source>Proposing spans in the background</source>
        <translation>Đang đề xuất nhãn ở chế độ nền</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="161"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="162"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="162"/>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="163"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="166"/>
        <source>&amp;New database…</source>
        <translation>Cơ sở dữ liệu &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="167"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="170"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="172"/>
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="174"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="176"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="177"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="178"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="181"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Tùy chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="186"/>
        <source>Label as %1</source>
        <translation>Gán nhãn %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="190"/>
        <source>Label exact characters as %1</source>
        <translation>Gán nhãn %1 đúng từng ký tự</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="194"/>
        <source>Accept proposal</source>
        <translation>Chấp nhận đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196"/>
        <source>Reject proposal</source>
        <translation>Bác bỏ đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="197"/>
        <source>Delete span</source>
        <translation>Xóa nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="199"/>
        <source>Next proposal</source>
        <translation>Đề xuất tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="201"/>
        <source>Previous proposal</source>
        <translation>Đề xuất trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="203"/>
        <source>Next span</source>
        <translation>Nhãn tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="204"/>
        <source>Previous span</source>
        <translation>Nhãn trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="206"/>
        <source>Accept proposals in paragraph</source>
        <translation>Chấp nhận các đề xuất trong đoạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="208"/>
        <source>Accept all proposals in article</source>
        <translation>Chấp nhận mọi đề xuất trong bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="211"/>
        <source>Start one word left</source>
        <translation>Đầu nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="213"/>
        <source>Start one word right</source>
        <translation>Đầu nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="215"/>
        <source>End one word right</source>
        <translation>Cuối nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="217"/>
        <source>End one word left</source>
        <translation>Cuối nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="219"/>
        <source>Clear selection</source>
        <translation>Bỏ chọn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="222"/>
        <source>Mark done, next article</source>
        <translation>Đánh dấu xong, sang bài tiếp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="224"/>
        <source>Skip article</source>
        <translation>Bỏ qua bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="226"/>
        <source>Next article</source>
        <translation>Bài tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="228"/>
        <source>Previous article</source>
        <translation>Bài trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="230"/>
        <source>&amp;Propose for all articles…</source>
        <translation>&amp;Đề xuất cho mọi bài…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="232"/>
        <source>&amp;Find in articles</source>
        <translation>&amp;Tìm trong các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="234"/>
        <source>Go to the &amp;article text</source>
        <translation>Đến &amp;nội dung bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="236"/>
        <source>Annotation &amp;guidelines</source>
        <translation>&amp;Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="238"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="277"/>
        <source>Preferences saved; the language and the label configuration apply from the next start</source>
        <translation>Đã lưu tùy chọn; ngôn ngữ và cấu hình nhãn có hiệu lực từ lần mở sau</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="285"/>
        <source>%1: %2 / %3 done</source>
        <translation>%1: xong %2 / %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="372"/>
        <source>New database</source>
        <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="374"/>
        <source>Annotator databases (*.db)</source>
        <translation>Cơ sở dữ liệu gán nhãn (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="379"/>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="381"/>
        <source>Annotator databases (*.db *.sqlite);;All files (*)</source>
        <translation>Cơ sở dữ liệu gán nhãn (*.db *.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="411"/>
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="412"/>
        <source>Articles (*.txt *.jsonl *.csv);;All files (*)</source>
        <translation>Bài viết (*.txt *.jsonl *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="418"/>
        <source>Import a folder of articles</source>
        <translation>Nhập một thư mục bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="423"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="436"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="448"/>
        <source>Import: %1</source>
        <translation>Nhập: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="461"/>
        <source>Proposing spans for all articles…</source>
        <translation>Đang đề xuất nhãn cho mọi bài…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="473"/>
        <source>Proposed %1 spans in %2 articles</source>
        <translation>Đã đề xuất %1 nhãn trong %2 bài</translation>
    </message>
</context>
</TS>
