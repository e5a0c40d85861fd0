<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="100"/>
        <source>Proposing spans for this article…</source>
        <translation>Đang đề xuất nhãn cho bài này…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="114"/>
        <source>%n proposal(s) added</source>
        <translation><numerusform>Đã thêm %n đề xuất</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="116"/>
        <source>The proposer found nothing new in this article</source>
        <translation>Bộ đề xuất không tìm thấy gì mới trong bài này</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="127"/>
        <source>Could not propose spans: %1</source>
        <translation>Không đề xuất được nhãn: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="239"/>
        <source>Could not undo: %1</source>
        <translation>Không hoàn tác được: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="241"/>
        <source>Undone: %1</source>
        <translation>Đã hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="254"/>
        <source>Could not redo: %1</source>
        <translation>Không làm lại được: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="279"/>
        <source>Select some text or a span first</source>
        <translation>Hãy chọn một đoạn chữ hoặc một nhãn trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="285"/>
        <source>Already labelled</source>
        <translation>Đã được gán nhãn này rồi</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="287"/>
        <source>Label %1</source>
        <translation>Gán nhãn %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="290"/>
        <source>Replaced %n overlapping span(s)</source>
        <translation><numerusform>Đã thay %n nhãn chồng lấn</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="300"/>
        <source>No more proposals in this article</source>
        <translation>Bài này không còn đề xuất nào</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="329"/>
        <location filename="../../annotator/ui/controller.py" line="393"/>
        <source>Select a span first (N: next proposal)</source>
        <translation>Hãy chọn một nhãn trước (N: đề xuất tiếp theo)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="336"/>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="336"/>
        <source>Reject</source>
        <translation>Bác bỏ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="354"/>
        <location filename="../../annotator/ui/review_window.py" line="268"/>
        <source>Delete span</source>
        <translation>Xóa nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="362"/>
        <source>No proposals to accept</source>
        <translation>Không có đề xuất nào để chấp nhận</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="366"/>
        <source>Accepted %n proposal(s)</source>
        <translation><numerusform>Đã chấp nhận %n đề xuất</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="369"/>
        <source>%n left undecided: they overlap a decided span or a surer proposal.</source>
        <translation><numerusform>%n đề xuất chưa quyết: chúng chồng lên một nhãn đã quyết hoặc một đề xuất chắc hơn.</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="381"/>
        <source>Accept paragraph</source>
        <translation>Chấp nhận cả đoạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="385"/>
        <source>Accept all</source>
        <translation>Chấp nhận tất cả</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="405"/>
        <source>The boundary cannot move further</source>
        <translation>Không dời ranh giới thêm được nữa</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="412"/>
        <source>Move boundary</source>
        <translation>Dời ranh giới</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="427"/>
        <source>Mark done</source>
        <translation>Đánh dấu xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="427"/>
        <source>Skip article</source>
        <translation>Bỏ qua bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="452"/>
        <source>No article left to do: %1 done, %2 skipped (choose “Skipped” in the list to see them)</source>
        <translation>Không còn bài nào phải làm: %1 bài xong, %2 bài bỏ qua (chọn “Bỏ qua” trong danh sách để xem)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="459"/>
        <source>All articles are done</source>
        <translation>Đã xong tất cả các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="39"/>
        <source>Who is annotating?</source>
        <translation>Ai đang gán nhãn?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="40"/>
        <source>Your name, as it will be recorded with every span you make:</source>
        <translation>Tên của bạn, sẽ được ghi cùng mỗi nhãn bạn gán:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="87"/>
        <source>Preferences</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="92"/>
        <source>Recorded with every span you make from now on; work saved under another name keeps that name</source>
        <translation>Được ghi cùng mọi nhãn bạn tạo từ nay; phần việc đã lưu dưới tên khác vẫn giữ tên đó</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="94"/>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="101"/>
        <source>System default</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="108"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="113"/>
        <source>Font</source>
        <translation>Phông chữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="114"/>
        <source>Font size</source>
        <translation>Cỡ chữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="115"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="116"/>
        <location filename="../../annotator/ui/dialogs.py" line="139"/>
        <source>Label configuration</source>
        <translation>Cấu hình nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="123"/>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="126"/>
        <source>Train the learned model again in the background after this many newly finished articles (0: never)</source>
        <translation>Huấn luyện lại mô hình học ở chế độ nền sau từng ấy bài mới hoàn thành (0: không bao giờ)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="130"/>
        <source>Retrain after finished articles</source>
        <translation>Huấn luyện lại sau số bài hoàn thành</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="168"/>
        <source>Whose annotations?</source>
        <translation>Làm việc dưới tên ai?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="169"/>
        <source>This file holds the work of %1, not yours (%2).</source>
        <translation>Tệp này chứa phần việc của %1, không phải của bạn (%2).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="175"/>
        <source>Continue %1&apos;s work, or start your own annotations in this file?</source>
        <translation>Tiếp tục phần việc của %1, hay bắt đầu gán nhãn của riêng bạn trong tệp này?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="177"/>
        <location filename="../../annotator/ui/dialogs.py" line="179"/>
        <source>Work as %1</source>
        <translation>Làm việc với tên %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="181"/>
        <location filename="../../annotator/ui/main_files.py" line="166"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="193"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="201"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="201"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dialogs.py" line="216"/>
        <source>Annotation guidelines</source>
        <translation>Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="33"/>
        <source>To do</source>
        <translation>Chưa làm</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="35"/>
        <source>Span F1 (exact)</source>
        <translation>F1 nhãn (khớp đúng)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="36"/>
        <source>Span F1 (overlap)</source>
        <translation>F1 nhãn (chồng lấn)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="37"/>
        <source>Cohen&apos;s κ</source>
        <translation>κ của Cohen</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="38"/>
        <source>Krippendorff&apos;s α</source>
        <translation>α của Krippendorff</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="81"/>
        <source>Annotator</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="82"/>
        <source>Done / assigned</source>
        <translation>Xong / được giao</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="83"/>
        <location filename="../../annotator/ui/models.py" line="34"/>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="99"/>
        <source>Agreement</source>
        <translation>Mức đồng thuận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="101"/>
        <location filename="../../annotator/ui/review_window.py" line="212"/>
        <source>Disagreements</source>
        <translation>Bất đồng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="102"/>
        <source>Annotators</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="142"/>
        <source>No pair of annotators has finished the same article yet</source>
        <translation>Chưa có cặp người gán nhãn nào cùng làm xong một bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="236"/>
        <source>Agreement dashboard — %1</source>
        <translation>Bảng đồng thuận — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="256"/>
        <source>&amp;Pair of annotators:</source>
        <translation>&amp;Cặp người gán nhãn:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="269"/>
        <source>Agreement per label</source>
        <translation>Đồng thuận theo nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="270"/>
        <source>Progress per annotator</source>
        <translation>Tiến độ từng người</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="271"/>
        <source>Lowest agreement (Enter to review)</source>
        <translation>Đồng thuận thấp nhất (Enter để duyệt)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="291"/>
        <source>Computing agreement…</source>
        <translation>Đang tính mức đồng thuận…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="308"/>
        <source>All pairs</source>
        <translation>Mọi cặp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="317"/>
        <source>%1 pair(s) of annotators, %2 shared article(s)</source>
        <translation>%1 cặp người gán nhãn, %2 bài chung</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="35"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="84"/>
        <location filename="../../annotator/ui/models.py" line="36"/>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="39"/>
        <source>proposed</source>
        <translation>đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="40"/>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="41"/>
        <source>rejected</source>
        <translation>đã bác bỏ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="44"/>
        <source>by hand</source>
        <translation>gán tay</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="44"/>
        <source>imported</source>
        <translation>nhập vào</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="54"/>
        <source>proposer</source>
        <translation>bộ đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="124"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="100"/>
        <location filename="../../annotator/ui/models.py" line="124"/>
        <location filename="../../annotator/ui/review_models.py" line="57"/>
        <location filename="../../annotator/ui/review_models.py" line="65"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="124"/>
        <source>Accepted</source>
        <translation>Đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="124"/>
        <source>Proposed</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/dashboard.py" line="63"/>
        <location filename="../../annotator/ui/models.py" line="302"/>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="302"/>
        <location filename="../../annotator/ui/review_models.py" line="189"/>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="302"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/models.py" line="302"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="159"/>
        <source>Document order</source>
        <translation>Thứ tự trong kho</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="160"/>
        <source>Least certain first</source>
        <translation>Mô hình kém chắc chắn nhất trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="162"/>
        <source>Least certain first: the articles the learned model is least sure about come first</source>
        <translation>Mô hình kém chắc chắn nhất trước: các bài mô hình học được ít chắc chắn nhất lên đầu</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="164"/>
        <source>Training the learned model…</source>
        <translation>Đang huấn luyện mô hình học…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="188"/>
        <source>Learned model %1 trained on %2 articles; cross-validated F1 %3</source>
        <translation>Mô hình học %1 đã huấn luyện trên %2 bài; F1 kiểm chứng chéo %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="199"/>
        <source>Could not train the learned model: %1</source>
        <translation>Không huấn luyện được mô hình học: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="205"/>
        <source>Training the learned model in the background…</source>
        <translation>Đang huấn luyện mô hình học ở chế độ nền…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/learning.py" line="219"/>
        <source>The learned model is already training</source>
        <translation>Mô hình học đang được huấn luyện</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="103"/>
        <source>No disagreements in this article</source>
        <translation>Bài này không có bất đồng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="131"/>
        <location filename="../../annotator/ui/review_controller.py" line="151"/>
        <source>No disagreement selected (N: next disagreement)</source>
        <translation>Chưa chọn bất đồng nào (N: bất đồng tiếp theo)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="136"/>
        <source>Cannot take both: entities in gold cannot overlap; take one version or edit by hand</source>
        <translation>Không lấy cả hai được: thực thể trong bản chuẩn không được chồng nhau; hãy chọn một phiên bản hoặc sửa tay</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="155"/>
        <source>This article has no annotator %1</source>
        <translation>Bài này không có người gán nhãn %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="161"/>
        <source>Take %1&apos;s version</source>
        <translation>Lấy phiên bản của %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="165"/>
        <source>Take all versions</source>
        <translation>Lấy mọi phiên bản</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="169"/>
        <source>Take no version</source>
        <translation>Không lấy phiên bản nào</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/review_controller.py" line="180"/>
        <source>Cannot approve yet: %n disagreement(s) not decided</source>
        <translation><numerusform>Chưa thể duyệt: còn %n chỗ bất đồng chưa quyết</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="190"/>
        <source>Approve article</source>
        <translation>Duyệt bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_controller.py" line="196"/>
        <source>Every article in the review queue is approved</source>
        <translation>Mọi bài trong hàng chờ đã được duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="23"/>
        <source>all agree</source>
        <translation>mọi người đồng ý</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="24"/>
        <source>other label</source>
        <translation>khác nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="25"/>
        <source>other boundaries</source>
        <translation>khác ranh giới</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="26"/>
        <source>not all have it</source>
        <translation>không phải ai cũng có</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="27"/>
        <source>one annotator</source>
        <translation>một người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="28"/>
        <source>added by reviewer</source>
        <translation>người duyệt thêm</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="30"/>
        <source>to decide</source>
        <translation>cần quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="30"/>
        <source>decided</source>
        <translation>đã quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="31"/>
        <location filename="../../annotator/ui/review_models.py" line="75"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="56"/>
        <location filename="../../annotator/ui/review_models.py" line="237"/>
        <source>Gold</source>
        <translation>Chuẩn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="58"/>
        <source>Ann.</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="59"/>
        <source>Dis.</source>
        <translation>B.đồng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="60"/>
        <source>Open</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="61"/>
        <source>Agr.</source>
        <translation>Đ.thuận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="64"/>
        <source>The gold layer&apos;s state: to do, in progress, approved</source>
        <translation>Trạng thái bản chuẩn: chưa làm, đang làm, đã duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="66"/>
        <source>Annotators who finished the article</source>
        <translation>Số người đã làm xong bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="67"/>
        <source>Disagreements between the annotators</source>
        <translation>Số bất đồng giữa những người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="68"/>
        <source>Disagreements (or a single annotator&apos;s spans) still to decide</source>
        <translation>Số bất đồng (hoặc nhãn của một người) còn phải quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="69"/>
        <source>Agreement: mean exact span F1 over pairs of annotators</source>
        <translation>Đồng thuận: F1 khớp đúng trung bình trên các cặp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="73"/>
        <source>All reviewable articles</source>
        <translation>Mọi bài có thể duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="74"/>
        <source>Not approved yet</source>
        <translation>Chưa duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="189"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_models.py" line="262"/>
        <source>nothing</source>
        <translation>không có gì</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="66"/>
        <source>has it: %1</source>
        <translation>có: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="68"/>
        <source>not: %1</source>
        <translation>không có: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="70"/>
        <source>decided by %1</source>
        <translation>do %1 quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="146"/>
        <source>Review — %1 — %2</source>
        <translation>Duyệt — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="170"/>
        <source>Reading the review queue: %1 / %2 articles</source>
        <translation>Đang đọc hàng đợi duyệt: %1 / %2 bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="207"/>
        <source>Review queue</source>
        <translation>Hàng chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="226"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="227"/>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="228"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="229"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="234"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="235"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="237"/>
        <source>&amp;Close review</source>
        <translation>Đó&amp;ng cửa sổ duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="240"/>
        <source>Next disagreement</source>
        <translation>Bất đồng tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="245"/>
        <source>Previous disagreement</source>
        <translation>Bất đồng trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="255"/>
        <source>Take annotator %1&apos;s version</source>
        <translation>Lấy phiên bản của người %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="263"/>
        <source>Take all versions (both)</source>
        <translation>Lấy mọi phiên bản (cả hai)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="264"/>
        <source>Take no version (neither)</source>
        <translation>Không lấy phiên bản nào</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="266"/>
        <source>Accept span into gold</source>
        <translation>Nhận nhãn vào bản chuẩn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="267"/>
        <source>Reject span</source>
        <translation>Loại nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="269"/>
        <source>Next span</source>
        <translation>Nhãn tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="270"/>
        <source>Previous span</source>
        <translation>Nhãn trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="275"/>
        <source>Start one word left</source>
        <translation>Đầu nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="285"/>
        <source>Start one word right</source>
        <translation>Đầu nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="294"/>
        <source>End one word right</source>
        <translation>Cuối nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="300"/>
        <source>End one word left</source>
        <translation>Cuối nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="312"/>
        <source>Label as %1</source>
        <translation>Gán nhãn %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="321"/>
        <source>Approve article, next</source>
        <translation>Duyệt bài, sang bài sau</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="324"/>
        <source>Next article</source>
        <translation>Bài tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="329"/>
        <source>Previous article</source>
        <translation>Bài trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="335"/>
        <source>Annotators&apos; versions &amp;side by side</source>
        <translation>Các phiên bản &amp;cạnh nhau</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="340"/>
        <source>Agreement &amp;dashboard</source>
        <translation>&amp;Bảng đồng thuận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="342"/>
        <source>&amp;Refresh the queue</source>
        <translation>&amp;Làm mới hàng chờ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="343"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="420"/>
        <source>Reading the review queue…</source>
        <translation>Đang đọc hàng đợi duyệt…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="425"/>
        <source>Reviewer %1: %2 / %3 approved</source>
        <translation>Người duyệt %1: đã duyệt %2 / %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="449"/>
        <source>No article</source>
        <translation>Chưa có bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review_window.py" line="452"/>
        <source>%1 annotator(s): %2 · %3 to decide</source>
        <translation>%1 người gán nhãn: %2 · %3 cần quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="76"/>
        <source>Another program is using the database; nothing was changed. Try again in a moment.</source>
        <translation>Một chương trình khác đang dùng cơ sở dữ liệu; chưa có gì thay đổi. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="78"/>
        <source>The database file is read-only; nothing was changed.</source>
        <translation>Tệp cơ sở dữ liệu chỉ cho phép đọc; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="79"/>
        <source>The disk is full; nothing was changed.</source>
        <translation>Ổ đĩa đã đầy; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="80"/>
        <source>The database file is damaged; nothing was changed.</source>
        <translation>Tệp cơ sở dữ liệu bị hỏng; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="81"/>
        <source>The database file cannot be opened; nothing was changed.</source>
        <translation>Không mở được tệp cơ sở dữ liệu; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="82"/>
        <source>The database could not be written; nothing was changed.</source>
        <translation>Không ghi được vào cơ sở dữ liệu; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="97"/>
        <source>That span does not fit the article&apos;s text; nothing was changed.</source>
        <translation>Nhãn này không khớp với văn bản của bài; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/edits.py" line="46"/>
        <source>It would overlap the accepted {other} “{text}”: {label} spans cannot overlap it.</source>
        <translation>Nhãn sẽ chồng lên nhãn {other} đã chấp nhận “{text}”: nhãn {label} không được chồng lên nó.</translation>
    </message>
    <message>
        <location filename="../../annotator/edits.py" line="47"/>
        <source>There is already an accepted {label} span at exactly these characters.</source>
        <translation>Đã có một nhãn {label} được chấp nhận đúng ở các ký tự này.</translation>
    </message>
    <message>
        <location filename="../../annotator/edits.py" line="49"/>
        <source>This article was changed outside this window (another window or a merge); open it again to see the changes.</source>
        <translation>Bài này đã bị thay đổi bên ngoài cửa sổ này (cửa sổ khác hoặc khi gộp); hãy mở lại bài để thấy các thay đổi.</translation>
    </message>
    <message>
        <location filename="../../annotator/edits.py" line="52"/>
        <source>The selection holds no text to label.</source>
        <translation>Vùng chọn không có chữ nào để gán nhãn.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="60"/>
        <source>New database</source>
        <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="60"/>
        <source>Annotator databases (*.db)</source>
        <translation>Cơ sở dữ liệu gán nhãn (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="68"/>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="70"/>
        <source>Annotator databases (*.db *.sqlite);;All files (*)</source>
        <translation>Cơ sở dữ liệu gán nhãn (*.db *.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="91"/>
        <source>%1 is already open for %2 in another window; work there, or close it first.</source>
        <translation>%1 đang được mở cho %2 ở một cửa sổ khác; hãy làm việc ở đó, hoặc đóng nó trước.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="131"/>
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="133"/>
        <source>Articles and annotations (%1);;All files (*)</source>
        <translation>Bài viết và chú thích (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="141"/>
        <source>Import a folder of articles</source>
        <translation>Nhập một thư mục bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="178"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="191"/>
        <source>Import: %1</source>
        <translation>Nhập: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="211"/>
        <source>Proposing spans for all articles…</source>
        <translation>Đang đề xuất nhãn cho mọi bài…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_files.py" line="223"/>
        <source>Proposed %1 spans in %2 articles</source>
        <translation>Đã đề xuất %1 nhãn trong %2 bài</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="71"/>
        <source>Export dataset</source>
        <translation>Xuất bộ dữ liệu</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="83"/>
        <source>Default: gold if any article is approved, else accepted</source>
        <translation>Mặc định: bản chuẩn nếu có bài đã duyệt, nếu không thì các nhãn đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="84"/>
        <source>gold: approved articles, accepted gold spans</source>
        <translation>bản chuẩn: các bài đã duyệt, nhãn chuẩn đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="86"/>
        <source>accepted: annotators&apos; accepted spans on finished articles</source>
        <translation>đã chấp nhận: nhãn người gán đã chấp nhận trong các bài đã xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="89"/>
        <source>annotator: %1</source>
        <translation>người gán: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="92"/>
        <source>Shares that sum to 1; empty: one split</source>
        <translation>Các tỉ lệ có tổng bằng 1; để trống: một phần duy nhất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="96"/>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="101"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="107"/>
        <source>&amp;Replace the folder if it is not empty</source>
        <translation>&amp;Thay thư mục nếu nó không trống</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="111"/>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="112"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Lớp nhãn:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="113"/>
        <source>&amp;Split:</source>
        <translation>&amp;Chia tập:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="114"/>
        <source>S&amp;eed:</source>
        <translation>&amp;Hạt giống:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="115"/>
        <source>&amp;Tokens:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="120"/>
        <source>&amp;Output folder:</source>
        <translation>Thư mục &amp;đích:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="128"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="143"/>
        <source>Export into folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="162"/>
        <source>Choose an output folder</source>
        <translation>Hãy chọn thư mục đích</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="168"/>
        <source>The folder %1 is not empty: tick “Replace the folder if it is not empty”, or choose another folder.</source>
        <translation>Thư mục %1 không trống: hãy đánh dấu “Thay thư mục nếu nó không trống”, hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="176"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="176"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="199"/>
        <source>Exported %1 to %2</source>
        <translation>Đã xuất %1 vào %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="53"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="61"/>
        <source>Tell by each file&apos;s content</source>
        <translation>Nhận biết theo nội dung từng tệp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="65"/>
        <source>proposals, offered to every annotator</source>
        <translation>đề xuất, cho mọi người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="66"/>
        <source>accepted work of one annotator</source>
        <translation>kết quả đã chấp nhận của một người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="67"/>
        <source>gold, as decided by a reviewer</source>
        <translation>bản chuẩn, như người duyệt đã quyết định</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="69"/>
        <source>Mark each article done (approved, for gold)</source>
        <translation>Đánh dấu mỗi bài là xong (đã duyệt, với bản chuẩn)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="73"/>
        <source>completed annotations</source>
        <translation>các chú thích đã hoàn tất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="74"/>
        <source>predictions</source>
        <translation>các dự đoán</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="77"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="78"/>
        <source>&amp;Format</source>
        <translation>Định &amp;dạng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="79"/>
        <source>Spans &amp;become</source>
        <translation>Nhãn &amp;trở thành</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="80"/>
        <source>&amp;Annotator</source>
        <translation>&amp;Người gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="82"/>
        <source>Label &amp;map</source>
        <translation>Đổi &amp;tên nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="83"/>
        <source>Label Studio: import</source>
        <translation>Label Studio: nhập</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="93"/>
        <source>Span</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="93"/>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="101"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="109"/>
        <source>Preview of the first article (nothing is written yet):</source>
        <translation>Xem trước bài đầu tiên (chưa ghi gì cả):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="155"/>
        <source>No article could be read.</source>
        <translation>Không đọc được bài nào.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="159"/>
        <source>%1 — %2 characters, %3 spans as %4</source>
        <translation>%1 — %2 ký tự, %3 nhãn, nhập là %4</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="167"/>
        <source>Labels that are not ours, left out (map them): %1</source>
        <translation>Nhãn không thuộc bộ nhãn này, bị bỏ qua (hãy đổi tên chúng): %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="176"/>
        <source>accepted by %1, done</source>
        <translation>đã chấp nhận bởi %1, đã xong</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="176"/>
        <source>accepted by %1</source>
        <translation>đã chấp nhận bởi %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="179"/>
        <source>gold, approved</source>
        <translation>bản chuẩn, đã duyệt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="179"/>
        <source>gold</source>
        <translation>bản chuẩn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="180"/>
        <source>proposals</source>
        <translation>đề xuất</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="190"/>
        <source>Search titles and text (Ctrl+F)</source>
        <translation>Tìm trong tiêu đề và nội dung (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="191"/>
        <source>All articles</source>
        <translation>Tất cả các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="194"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="195"/>
        <source>Spans</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196"/>
        <source>Proposing spans in the background</source>
        <translation>Đang đề xuất nhãn ở chế độ nền</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="199"/>
        <source>First steps: N goes to the next proposal, A accepts it, X rejects it; select text and press 1–4 to label it; [ ] { } move the current span&apos;s ends; D marks the article done; Ctrl+Z undoes; F1 shows the guidelines, Ctrl+/ every key. (This hint goes away after your first finished article.)</source>
        <translation>Bắt đầu: N đến đề xuất tiếp theo, A chấp nhận, X bác bỏ; chọn chữ rồi bấm 1–4 để gán nhãn; [ ] { } dời hai đầu của nhãn đang chọn; D đánh dấu bài đã xong; Ctrl+Z hoàn tác; F1 mở hướng dẫn, Ctrl+/ xem mọi phím tắt. (Lời nhắc này biến mất sau bài đầu tiên bạn hoàn thành.)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="240"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="241"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="242"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="243"/>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="244"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="249"/>
        <source>&amp;New database…</source>
        <translation>Cơ sở dữ liệu &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="252"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="257"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="262"/>
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="265"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="268"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="269"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="271"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Tùy chọn…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="279"/>
        <source>Label as %1</source>
        <translation>Gán nhãn %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="292"/>
        <source>Label exact characters as %1</source>
        <translation>Gán nhãn %1 đúng từng ký tự</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="301"/>
        <source>Accept proposal</source>
        <translation>Chấp nhận đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="302"/>
        <source>Reject proposal</source>
        <translation>Bác bỏ đề xuất</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="305"/>
        <source>Delete span</source>
        <translation>Xóa nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="307"/>
        <source>Next proposal</source>
        <translation>Đề xuất tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="311"/>
        <source>Previous proposal</source>
        <translation>Đề xuất trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="314"/>
        <source>Next span</source>
        <translation>Nhãn tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="315"/>
        <source>Previous span</source>
        <translation>Nhãn trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="320"/>
        <source>Accept proposals in paragraph</source>
        <translation>Chấp nhận các đề xuất trong đoạn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="330"/>
        <source>Accept all proposals in article</source>
        <translation>Chấp nhận mọi đề xuất trong bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="341"/>
        <source>Start one word left</source>
        <translation>Đầu nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="351"/>
        <source>Start one word right</source>
        <translation>Đầu nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="361"/>
        <source>End one word right</source>
        <translation>Cuối nhãn tiến một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="370"/>
        <source>End one word left</source>
        <translation>Cuối nhãn lùi một từ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="375"/>
        <source>Clear selection</source>
        <translation>Bỏ chọn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="382"/>
        <source>Mark done, next article</source>
        <translation>Đánh dấu xong, sang bài tiếp</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="390"/>
        <source>Skip article</source>
        <translation>Bỏ qua bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="395"/>
        <source>Next article</source>
        <translation>Bài tiếp theo</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="401"/>
        <source>Previous article</source>
        <translation>Bài trước</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="407"/>
        <source>&amp;Propose for all articles…</source>
        <translation>&amp;Đề xuất cho mọi bài…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="412"/>
        <source>&amp;Review and adjudicate…</source>
        <translation>&amp;Duyệt và phân xử…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="417"/>
        <source>Agreement &amp;dashboard…</source>
        <translation>&amp;Bảng đồng thuận…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="424"/>
        <source>&amp;Train the learned model now</source>
        <translation>&amp;Huấn luyện mô hình học ngay</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="429"/>
        <source>&amp;Find in articles</source>
        <translation>&amp;Tìm trong các bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="432"/>
        <source>Go to the &amp;article text</source>
        <translation>Đến &amp;nội dung bài</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="436"/>
        <source>Annotation &amp;guidelines</source>
        <translation>&amp;Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="440"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="483"/>
        <source>From now on you work as %1; what was saved as %2 keeps that name</source>
        <translation>Từ nay bạn làm việc với tên %1; những gì đã lưu dưới tên %2 vẫn giữ tên đó</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="502"/>
        <source>%1: %2 / %3 done</source>
        <translation>%1: xong %2 / %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="546"/>
        <source>%n proposal(s) undecided</source>
        <translation><numerusform>%n đề xuất chưa quyết</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="554"/>
        <source>%n proposal(s) in this article are still undecided.</source>
        <translation><numerusform>Bài này còn %n đề xuất chưa được quyết định.</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="560"/>
        <source>Accept them, or leave them out of your annotations (they are rejected)? Overlapping ones that do not fit are left out.</source>
        <translation>Chấp nhận chúng, hay loại chúng khỏi nhãn của bạn (chúng bị bác bỏ)? Những đề xuất chồng lấn không vừa sẽ bị loại.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="565"/>
        <source>&amp;Accept them</source>
        <translation>&amp;Chấp nhận chúng</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="567"/>
        <source>&amp;Leave them out</source>
        <translation>&amp;Loại bỏ chúng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="630"/>
        <source>%n article(s) match; Enter or Down opens them</source>
        <translation><numerusform>%n bài khớp; Enter hoặc mũi tên xuống để mở</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="631"/>
        <source>%n match(es) in this article</source>
        <translation><numerusform>%n chỗ khớp trong bài này</numerusform></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="569"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="493"/>
        <source>Preferences saved; a new label configuration applies from the next start</source>
        <translation>Đã lưu tùy chọn; cấu hình nhãn mới có hiệu lực từ lần mở sau</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="49"/>
        <source>%1 is already open for %2 in another window; work there, or close it first.</source>
        <translation>%1 đang được mở cho %2 ở một cửa sổ khác; hãy làm việc ở đó, hoặc đóng nó trước.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="131"/>
        <source>The label configuration %1 cannot be used; the default labels are used.</source>
        <translation>Không dùng được cấu hình nhãn %1; dùng các nhãn mặc định.</translation>
    </message>
</context>
</TS>
