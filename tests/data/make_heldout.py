"""Build ``heldout_gold.jsonl``: articles written for this project (not the dev set), in
the genre's styles and from other provinces, annotated by GUIDELINES.md.

Each span is given as (label, exact text, occurrence); offsets are computed here so the
file is easy to review and correct. Run: python tests/data/make_heldout.py
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

ARTICLES = [
    (
        "h01-lao-cai",
        "Chiều 18/7, Ủy ban Kiểm tra Tỉnh ủy Lào Cai tổ chức hội nghị sơ kết công tác "
        "kiểm tra, giám sát 6 tháng đầu năm 2024. Đồng chí Đặng Xuân Phong, Ủy viên Trung ương Đảng, "
        "Bí thư Tỉnh ủy dự và chỉ đạo hội nghị.\nPhát biểu kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu "
        "Ủy ban Kiểm tra các cấp tiếp tục nâng cao chất lượng công tác kiểm tra, giám sát; kịp thời "
        "phát hiện, xử lý nghiêm các tổ chức đảng, đảng viên vi phạm; thực hiện tốt Quy định số "
        "22-QĐ/TW của Ban Chấp hành Trung ương.",
        [
            ("ORGANIZATION", "Ủy ban Kiểm tra Tỉnh ủy Lào Cai", 0),
            ("OFFICIAL", "Đặng Xuân Phong", 0),
            ("ORGANIZATION", "Trung ương Đảng", 0),
            ("ORGANIZATION", "Tỉnh ủy", 1),
            ("ORGANIZATION", "Tỉnh ủy", 2),
            ("TASK", "tiếp tục nâng cao chất lượng công tác kiểm tra, giám sát", 0),
            ("TASK", "kịp thời phát hiện, xử lý nghiêm các tổ chức đảng, đảng viên vi phạm", 0),
            ("TASK", "thực hiện tốt Quy định số 22-QĐ/TW của Ban Chấp hành Trung ương", 0),
            ("DIRECTIVE", "Quy định số 22-QĐ/TW", 0),
            ("ORGANIZATION", "Ban Chấp hành Trung ương", 0),
        ],
    ),
    (
        "h02-gia-lai",
        "Sáng 3/10, Ban Dân vận Tỉnh ủy Gia Lai phối hợp với Ủy ban MTTQ Việt Nam tỉnh "
        "tổ chức hội nghị triển khai Kết luận số 114-KL/TW ngày 11/7/2016 của Ban Bí thư. Dự hội nghị "
        "có bà Ksor H'Bơ Khăp, Phó Chủ tịch HĐND tỉnh; ông Rah Lan Lâm, Phó Chủ tịch UBND tỉnh.\n"
        "Tại hội nghị, Trưởng ban Dân vận Tỉnh ủy đề nghị các cơ quan, đơn vị chú trọng nắm bắt tâm "
        "tư, nguyện vọng của đồng bào dân tộc thiểu số.",
        [
            ("ORGANIZATION", "Ban Dân vận Tỉnh ủy Gia Lai", 0),
            ("ORGANIZATION", "Ủy ban MTTQ Việt Nam tỉnh", 0),
            ("DIRECTIVE", "Kết luận số 114-KL/TW", 0),
            ("ORGANIZATION", "Ban Bí thư", 0),
            ("OFFICIAL", "Ksor H'Bơ Khăp", 0),
            ("ORGANIZATION", "HĐND tỉnh", 0),
            ("OFFICIAL", "Rah Lan Lâm", 0),
            ("ORGANIZATION", "UBND tỉnh", 0),
            ("ORGANIZATION", "ban Dân vận Tỉnh ủy", 0),
            ("TASK", "chú trọng nắm bắt tâm tư, nguyện vọng của đồng bào dân tộc thiểu số", 0),
        ],
    ),
    (
        "h03-ca-mau",
        "Cà Mau: Nâng cao chất lượng thông tin tuyên truyền trên báo chí\n\nNgày 25/4, "
        "Sở Thông tin và Truyền thông tỉnh Cà Mau phối hợp với Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị "
        "giao ban báo chí quý I/2024. Theo báo cáo, trong quý I, Báo Cà Mau và Đài Phát thanh - Truyền "
        "hình Cà Mau đã đăng, phát hơn 3.000 tin, bài.\nThời gian tới, đồng chí Lê Văn Sử, Phó Chủ tịch "
        "UBND tỉnh yêu cầu các cơ quan báo chí tiếp tục bám sát các sự kiện chính trị quan trọng của "
        "tỉnh; tăng cường tuyên truyền về Chỉ thị số 35-CT/TW của Bộ Chính trị.",
        [
            ("TASK", "Nâng cao chất lượng thông tin tuyên truyền trên báo chí", 0),
            ("ORGANIZATION", "Sở Thông tin và Truyền thông tỉnh Cà Mau", 0),
            ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy", 0),
            ("ORGANIZATION", "Báo Cà Mau", 0),
            ("ORGANIZATION", "Đài Phát thanh - Truyền hình Cà Mau", 0),
            ("OFFICIAL", "Lê Văn Sử", 0),
            ("ORGANIZATION", "UBND tỉnh", 0),
            ("TASK", "tiếp tục bám sát các sự kiện chính trị quan trọng của tỉnh", 0),
            ("TASK", "tăng cường tuyên truyền về Chỉ thị số 35-CT/TW của Bộ Chính trị", 0),
            ("DIRECTIVE", "Chỉ thị số 35-CT/TW", 0),
            ("ORGANIZATION", "Bộ Chính trị", 0),
        ],
    ),
    (
        "h04-ha-noi",
        "Ngày 12/6, Thành uỷ Hà Nội tổ chức hội nghị quán triệt Nghị quyết Trung ương 8 "
        "(khóa XIII). Đồng chí Nguyễn Thị Tuyến, Phó Bí thư Thường trực Thành uỷ chủ trì hội nghị.\n"
        "Đồng chí đề nghị các cấp uỷ, tổ chức đảng trong Đảng bộ thành phố khẩn trương xây dựng "
        "chương trình hành động thực hiện Nghị quyết; chủ động phòng ngừa, ngăn chặn các biểu hiện "
        "suy thoái về tư tưởng chính trị.",
        [
            ("ORGANIZATION", "Thành uỷ Hà Nội", 0),
            ("DIRECTIVE", "Nghị quyết Trung ương 8 (khóa XIII)", 0),
            ("OFFICIAL", "Nguyễn Thị Tuyến", 0),
            ("ORGANIZATION", "Thành uỷ", 1),
            ("ORGANIZATION", "Đảng bộ thành phố", 0),
            ("TASK", "khẩn trương xây dựng chương trình hành động thực hiện Nghị quyết", 0),
            ("TASK", "chủ động phòng ngừa, ngăn chặn các biểu hiện suy thoái về tư tưởng chính trị", 0),
        ],
    ),
    (
        "h05-binh-dinh",
        "Năm 2023, Ban Tổ chức Tỉnh ủy Bình Định đã tham mưu Ban Thường vụ Tỉnh ủy "
        "ban hành 15 quy định, quy chế về công tác cán bộ. Công tác phát triển đảng viên được quan "
        "tâm, toàn tỉnh kết nạp 1.850 đảng viên mới.\n\nPhát biểu tại hội nghị, đồng chí Hồ Quốc Dũng, "
        "Bí thư Tỉnh ủy nhấn mạnh cần tiếp tục thực hiện tốt Quy định số 41-QĐ/TW về miễn nhiệm, từ "
        "chức đối với cán bộ. Các cấp ủy phải chủ động rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ "
        "2025 - 2030.\n\nMinh Châu",
        [
            ("ORGANIZATION", "Ban Tổ chức Tỉnh ủy Bình Định", 0),
            ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy", 0),
            ("OFFICIAL", "Hồ Quốc Dũng", 0),
            ("ORGANIZATION", "Tỉnh ủy", 2),
            ("TASK", "tiếp tục thực hiện tốt Quy định số 41-QĐ/TW về miễn nhiệm, từ chức đối với cán bộ", 0),
            ("DIRECTIVE", "Quy định số 41-QĐ/TW", 0),
            ("TASK", "chủ động rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 - 2030", 0),
        ],
    ),
    (
        "h06-quang-ngai",
        "Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi tiếp xúc cử tri huyện Bình Sơn. Cử "
        "tri kiến nghị Quốc hội, Chính phủ sớm sửa đổi Luật Đất đai để tháo gỡ vướng mắc trong bồi "
        "thường, giải phóng mặt bằng. Ông Đặng Ngọc Huy, Phó Bí thư Thường trực Tỉnh ủy tiếp thu và "
        "cho biết sẽ tổng hợp gửi đến các cơ quan có thẩm quyền theo Nghị định số 43/2014/NĐ-CP.",
        [
            ("ORGANIZATION", "Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi", 0),
            ("ORGANIZATION", "Quốc hội", 1),
            ("ORGANIZATION", "Chính phủ", 0),
            (
                "TASK",
                "sớm sửa đổi Luật Đất đai để tháo gỡ vướng mắc trong bồi thường, giải phóng mặt bằng",
                0,
            ),
            ("DIRECTIVE", "Luật Đất đai", 0),
            ("OFFICIAL", "Đặng Ngọc Huy", 0),
            ("ORGANIZATION", "Tỉnh ủy", 0),
            ("DIRECTIVE", "Nghị định số 43/2014/NĐ-CP", 0),
            ("TASK", "tổng hợp gửi đến các cơ quan có thẩm quyền theo Nghị định số 43/2014/NĐ-CP", 0),
        ],
    ),
    (
        "h07-hoi-thao",
        "Hội thảo khoa học về đồng chí Lê Duẩn, nguyên Tổng Bí thư Ban Chấp hành Trung "
        "ương Đảng, được tổ chức tại Quảng Trị. Các tham luận khẳng định những đóng góp to lớn của "
        "đồng chí đối với sự nghiệp cách mạng của Đảng và dân tộc. Thế hệ trẻ cần học tập và làm theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        [
            ("OFFICIAL", "Lê Duẩn", 0),
            ("ORGANIZATION", "Ban Chấp hành Trung ương Đảng", 0),
            ("ORGANIZATION", "Đảng", 1),
            ("TASK", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 0),
        ],
    ),
    (
        "h08-soc-trang-nfd",
        "Ban Nội chính Tỉnh ủy Sóc Trăng phối hợp với Công an tỉnh, Viện Kiểm "
        "sát nhân dân tỉnh đẩy mạnh công tác phòng, chống tham nhũng. HĐND các cấp, UBND các huyện "
        "tăng cường giám sát việc quản lý tài sản Nhà nước.",
        [
            ("ORGANIZATION", "Ban Nội chính Tỉnh ủy Sóc Trăng", 0),
            ("ORGANIZATION", "Công an tỉnh", 0),
            ("ORGANIZATION", "Viện Kiểm sát nhân dân tỉnh", 0),
            ("ORGANIZATION", "Nhà nước", 0),
        ],
    ),
    (
        "h09-dien-bien",
        "Điện Biên: Quyết liệt triển khai các giải pháp giảm nghèo bền vững\n\nNgày "
        "8/8, Ban Thường vụ Huyện ủy Mường Nhé tổ chức hội nghị đánh giá kết quả thực hiện Nghị quyết "
        "số 12-NQ/HU về giảm nghèo. Dự hội nghị có đồng chí Lò Văn Tiến, Phó Chủ tịch UBND tỉnh Điện "
        "Biên.\nĐồng chí Lò Văn Tiến đề nghị huyện tập trung rà soát hộ nghèo, hộ cận nghèo; ưu tiên "
        "nguồn lực cho các xã đặc biệt khó khăn; phấn đấu giảm tỷ lệ hộ nghèo 4% trong năm 2024.",
        [
            ("TASK", "Quyết liệt triển khai các giải pháp giảm nghèo bền vững", 0),
            ("ORGANIZATION", "Ban Thường vụ Huyện ủy Mường Nhé", 0),
            ("DIRECTIVE", "Nghị quyết số 12-NQ/HU", 0),
            ("OFFICIAL", "Lò Văn Tiến", 0),
            ("OFFICIAL", "Lò Văn Tiến", 1),
            ("ORGANIZATION", "UBND tỉnh Điện Biên", 0),
            ("TASK", "tập trung rà soát hộ nghèo, hộ cận nghèo", 0),
            ("TASK", "ưu tiên nguồn lực cho các xã đặc biệt khó khăn", 0),
            ("TASK", "phấn đấu giảm tỷ lệ hộ nghèo 4% trong năm 2024", 0),
        ],
    ),
    (
        "h10-thu-tuong",
        "Chiều 20/5, tại TP Hồ Chí Minh, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ "
        "Phạm Minh Chính chủ trì hội nghị với các doanh nghiệp. Thủ tướng giao Bộ Kế hoạch và Đầu tư "
        "chủ trì, phối hợp với các bộ, ngành liên quan hoàn thiện dự thảo Nghị định về cơ chế đặc thù, "
        "trình Chính phủ trước ngày 30/6.",
        [
            ("ORGANIZATION", "Bộ Chính trị", 0),
            ("ORGANIZATION", "Chính phủ", 0),
            ("OFFICIAL", "Phạm Minh Chính", 0),
            ("ORGANIZATION", "Bộ Kế hoạch và Đầu tư", 0),
            (
                "TASK",
                "chủ trì, phối hợp với các bộ, ngành liên quan hoàn thiện dự thảo Nghị định về cơ "
                "chế đặc thù, trình Chính phủ trước ngày 30/6",
                0,
            ),
            ("ORGANIZATION", "Chính phủ", 1),
        ],
    ),
    (
        "h11-thai-nguyen",
        "Ban Tuyên giáo Tỉnh ủy Thái Nguyên vừa tổ chức Hội nghị báo cáo viên tháng "
        "9. Tại hội nghị, đồng chí Đoàn Văn Tuấn, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy "
        "thông tin về tình hình thời sự trong nước và quốc tế.\nĐồng chí yêu cầu đội ngũ báo cáo viên "
        "các cấp thường xuyên cập nhật thông tin, nâng cao kỹ năng tuyên truyền miệng.\n\nNguyễn "
        "Hương / Ban Tuyên giáo Tỉnh ủy Thái Nguyên",
        [
            ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy Thái Nguyên", 0),
            ("OFFICIAL", "Đoàn Văn Tuấn", 0),
            ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy", 1),
            ("TASK", "thường xuyên cập nhật thông tin, nâng cao kỹ năng tuyên truyền miệng", 0),
        ],
    ),
    (
        "h12-nghe-an",
        "Hội nghị thống nhất một số nhiệm vụ trọng tâm trong quý IV: tiếp tục triển "
        "khai Kế hoạch số 200-KH/TU của Ban Thường vụ Tỉnh ủy; tổ chức tốt Đại hội Đảng bộ các cấp "
        "nhiệm kỳ 2025 - 2030; đẩy mạnh cải cách hành chính.",
        [
            ("TASK", "tiếp tục triển khai Kế hoạch số 200-KH/TU của Ban Thường vụ Tỉnh ủy", 0),
            ("DIRECTIVE", "Kế hoạch số 200-KH/TU", 0),
            ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy", 0),
            ("TASK", "tổ chức tốt Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030", 0),
            ("TASK", "đẩy mạnh cải cách hành chính", 0),
        ],
    ),
    (
        "h13-long-an",
        "Bà Trương Thị Phương, Giám đốc Trung tâm Chính trị huyện Cần Giuộc cho biết, "
        "năm 2023 trung tâm đã mở 42 lớp bồi dưỡng. Ông Nhiêu Văn Hải, Bí thư Đảng ủy xã Long Hậu kiến "
        "nghị tỉnh quan tâm đầu tư cơ sở vật chất cho các trung tâm chính trị cấp huyện.",
        [
            ("OFFICIAL", "Trương Thị Phương", 0),
            ("ORGANIZATION", "Trung tâm Chính trị huyện Cần Giuộc", 0),
            ("OFFICIAL", "Nhiêu Văn Hải", 0),
            ("ORGANIZATION", "Đảng ủy xã Long Hậu", 0),
            ("TASK", "quan tâm đầu tư cơ sở vật chất cho các trung tâm chính trị cấp huyện", 0),
        ],
    ),
    (
        "h14-khanh-hoa",
        "Để đáp ứng yêu cầu nhiệm vụ trong tình hình mới, UBND tỉnh Khánh Hoà ban "
        "hành Quyết định 1520/QĐ-UBND về kiện toàn Ban Chỉ đạo 35 tỉnh. Theo Luật Tổ chức chính quyền "
        "địa phương năm 2015, Chủ tịch UBND tỉnh là Trưởng ban.",
        [
            ("ORGANIZATION", "UBND tỉnh Khánh Hoà", 0),
            ("DIRECTIVE", "Quyết định 1520/QĐ-UBND", 0),
            ("ORGANIZATION", "Ban Chỉ đạo 35 tỉnh", 0),
            ("DIRECTIVE", "Luật Tổ chức chính quyền địa phương", 0),
            ("ORGANIZATION", "UBND tỉnh", 1),
        ],
    ),
    (
        "h15-hai-duong",
        "Ngành Tuyên giáo Hải Dương tổ chức trưng bày 200 tư liệu, hình ảnh về Chủ "
        "tịch Hồ Chí Minh. Ban đã phối hợp với Bảo tàng tỉnh và Thư viện tỉnh thực hiện các hoạt động "
        "này.",
        [
            ("OFFICIAL", "Hồ Chí Minh", 0),
            ("ORGANIZATION", "Bảo tàng tỉnh", 0),
            ("ORGANIZATION", "Thư viện tỉnh", 0),
        ],
    ),
    (
        "h16-yen-bai",
        "Theo đồng chí Tạ Văn Long, Phó Bí thư Thường trực Tỉnh ủy Yên Bái, việc sắp "
        "xếp đơn vị hành chính là cần thiết. Các sở, ngành cần khẩn trương hoàn thành phương án bố trí "
        "cán bộ dôi dư trước ngày 15/11.",
        [
            ("OFFICIAL", "Tạ Văn Long", 0),
            ("ORGANIZATION", "Tỉnh ủy Yên Bái", 0),
            ("TASK", "khẩn trương hoàn thành phương án bố trí cán bộ dôi dư trước ngày 15/11", 0),
        ],
    ),
    (
        "h17-tuyen-quang",
        "Tuyên Quang: Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh\n\nSáng 14/5, Ban Thường vụ Tỉnh ủy Tuyên Quang tổ chức hội nghị sơ kết 3 năm thực "
        "hiện Kết luận số 01-KL/TW của Bộ Chính trị. Đồng chí Chẩu Văn Lâm, Ủy viên Trung ương Đảng, Bí "
        "thư Tỉnh ủy chủ trì hội nghị.\n\nBáo cáo tại hội nghị cho biết, các cấp ủy đã cụ thể hóa nội "
        "dung học tập thành các tiêu chí thi đua, gắn với việc thực hiện Nghị quyết Trung ương 4 (khóa "
        "XII). Toàn tỉnh có hơn 1.200 tập thể, cá nhân được biểu dương, khen thưởng.\n\nKết luận hội "
        "nghị, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc các "
        "nội dung của Kết luận số 01-KL/TW; nêu cao vai trò nêu gương của người đứng đầu; kịp thời biểu "
        "dương, nhân rộng các điển hình tiên tiến.\n\nThu Hằng",
        [
            ("TASK", "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 0),
            ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy Tuyên Quang", 0),
            ("DIRECTIVE", "Kết luận số 01-KL/TW", 0),
            ("ORGANIZATION", "Bộ Chính trị", 0),
            ("OFFICIAL", "Chẩu Văn Lâm", 0),
            ("ORGANIZATION", "Trung ương Đảng", 0),
            ("ORGANIZATION", "Tỉnh ủy", 1),
            ("DIRECTIVE", "Nghị quyết Trung ương 4 (khóa XII)", 0),
            ("ORGANIZATION", "Tỉnh ủy", 2),
            ("TASK", "tiếp tục quán triệt sâu sắc các nội dung của Kết luận số 01-KL/TW", 0),
            ("DIRECTIVE", "Kết luận số 01-KL/TW", 1),
            ("TASK", "nêu cao vai trò nêu gương của người đứng đầu", 0),
            ("TASK", "kịp thời biểu dương, nhân rộng các điển hình tiên tiến", 0),
        ],
    ),
    (
        "h18-ben-tre",
        "Chiều 10/12, HĐND tỉnh Bến Tre khóa X tổ chức kỳ họp thứ 12. Ông Hồ Thanh "
        "Hải, Phó Chủ tịch HĐND tỉnh điều hành phiên chất vấn. Trả lời chất vấn, Giám đốc Sở Giáo dục "
        "và Đào tạo Lê Văn Chúc cho biết ngành sẽ rà soát lại mạng lưới trường lớp.\nKết luận phiên "
        "chất vấn, Chủ tịch HĐND tỉnh đề nghị UBND tỉnh chỉ đạo các sở, ngành khẩn trương khắc phục "
        "tình trạng thiếu giáo viên; báo cáo HĐND tỉnh tại kỳ họp giữa năm 2025.",
        [
            ("ORGANIZATION", "HĐND tỉnh Bến Tre", 0),
            ("OFFICIAL", "Hồ Thanh Hải", 0),
            ("ORGANIZATION", "HĐND tỉnh", 1),
            ("ORGANIZATION", "Sở Giáo dục và Đào tạo", 0),
            ("OFFICIAL", "Lê Văn Chúc", 0),
            ("TASK", "rà soát lại mạng lưới trường lớp", 0),
            ("ORGANIZATION", "HĐND tỉnh", 2),
            ("ORGANIZATION", "UBND tỉnh", 0),
            ("TASK", "chỉ đạo các sở, ngành khẩn trương khắc phục tình trạng thiếu giáo viên", 0),
            ("TASK", "báo cáo HĐND tỉnh tại kỳ họp giữa năm 2025", 0),
            ("ORGANIZATION", "HĐND tỉnh", 3),
        ],
    ),
    (
        "h19-kien-giang",
        "Thực hiện Công văn số 1523/UBND-VX của UBND tỉnh Kiên Giang, Sở Văn hóa và "
        "Thể thao đã xây dựng kế hoạch tổ chức các hoạt động kỷ niệm. Theo Thông báo số 45-TB/TU, Ban "
        "Thường vụ Tỉnh ủy giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây "
        "dựng đề cương tuyên truyền.",
        [
            ("DIRECTIVE", "Công văn số 1523/UBND-VX", 0),
            ("ORGANIZATION", "UBND tỉnh Kiên Giang", 0),
            ("ORGANIZATION", "Sở Văn hóa và Thể thao", 0),
            ("DIRECTIVE", "Thông báo số 45-TB/TU", 0),
            ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy", 0),
            ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy", 0),
            ("TASK", "chủ trì, phối hợp với các cơ quan liên quan xây dựng đề cương tuyên truyền", 0),
        ],
    ),
    (
        "h20-quang-binh",
        "Đồng chí Trần Hải Châu, Phó Bí thư Thường trực Tỉnh uỷ Quảng Bình nhấn mạnh: "
        "thời gian tới, các địa phương cần tiếp tục hoàn thiện hạ tầng giao thông, thuỷ lợi; chú trọng "
        "phòng, chống thiên tai. Bên cạnh đó, Uỷ ban MTTQ Việt Nam tỉnh và các đoàn thể phải phát huy "
        "vai trò giám sát, phản biện xã hội.",
        [
            ("OFFICIAL", "Trần Hải Châu", 0),
            ("ORGANIZATION", "Tỉnh uỷ Quảng Bình", 0),
            ("TASK", "tiếp tục hoàn thiện hạ tầng giao thông, thuỷ lợi", 0),
            ("TASK", "chú trọng phòng, chống thiên tai", 0),
            ("ORGANIZATION", "Uỷ ban MTTQ Việt Nam tỉnh", 0),
            ("TASK", "phát huy vai trò giám sát, phản biện xã hội", 0),
        ],
    ),
    (
        "h21-bac-lieu",
        "Bạc Liêu tiếp đoàn công tác của Bộ Nông nghiệp và Môi trường do Thứ trưởng "
        "Nguyễn Hoàng Hiệp làm trưởng đoàn. Thứ trưởng đề nghị tỉnh Bạc Liêu “chủ động xây dựng phương "
        "án ứng phó với xâm nhập mặn, không để người dân thiếu nước sinh hoạt”.",
        [
            ("ORGANIZATION", "Bộ Nông nghiệp và Môi trường", 0),
            ("OFFICIAL", "Nguyễn Hoàng Hiệp", 0),
            (
                "TASK",
                "chủ động xây dựng phương án ứng phó với xâm nhập mặn, không để người dân thiếu nước "
                "sinh hoạt",
                0,
            ),
        ],
    ),
    (
        "h22-dong-thap",
        "Năm qua, Đảng bộ tỉnh Đồng Tháp đã lãnh đạo thực hiện đạt và vượt 20/23 chỉ "
        "tiêu. Dự lễ có các đồng chí: Lê Quốc Phong, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Phạm "
        "Thiện Nghĩa, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh. Các chính sách của Đảng và Nhà nước đã đi "
        "vào cuộc sống.",
        [
            ("ORGANIZATION", "Đảng bộ tỉnh Đồng Tháp", 0),
            ("OFFICIAL", "Lê Quốc Phong", 0),
            ("ORGANIZATION", "Trung ương Đảng", 0),
            ("ORGANIZATION", "Tỉnh ủy", 0),
            ("OFFICIAL", "Phạm Thiện Nghĩa", 0),
            ("ORGANIZATION", "Tỉnh ủy", 1),
            ("ORGANIZATION", "UBND tỉnh", 0),
            ("ORGANIZATION", "Đảng", 2),
            ("ORGANIZATION", "Nhà nước", 0),
        ],
    ),
    (
        "h23-btgtw",
        "Sáng 20/1, tại Hà Nội, Ban Tuyên giáo Trung ương tổ chức Hội nghị tổng kết công "
        "tác tuyên giáo năm 2023. Đồng chí Nguyễn Trọng Nghĩa, Bí thư Trung ương Đảng, Trưởng Ban Tuyên "
        "giáo Trung ương chủ trì hội nghị. Đề nghị các cấp ủy, tổ chức đảng tập trung tuyên truyền kỷ "
        "niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam; chủ động đấu tranh, phản bác các quan điểm "
        "sai trái, thù địch.",
        [
            ("ORGANIZATION", "Ban Tuyên giáo Trung ương", 0),
            ("OFFICIAL", "Nguyễn Trọng Nghĩa", 0),
            ("ORGANIZATION", "Trung ương Đảng", 0),
            ("ORGANIZATION", "Ban Tuyên giáo Trung ương", 1),
            ("TASK", "tập trung tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam", 0),
            # an anniversary ("Ngày thành lập ...") is an event: nothing inside it is annotated,
            # as the annotators of ../shared/data/real_dev.jsonl decided
            ("TASK", "chủ động đấu tranh, phản bác các quan điểm sai trái, thù địch", 0),
        ],
    ),
    (
        "h24-lang-son",
        "Chiều 15/8, Đảng ủy Công an tỉnh Lạng Sơn tổ chức hội nghị học tập chuyên đề "
        "năm 2024. Đại tá Thâm Hoài Bắc, Giám đốc Công an tỉnh cho biết, toàn lực lượng đã đăng ký "
        "1.250 việc làm cụ thể. Phát biểu tại hội nghị, đồng chí Hồ Tiến Thiệu, Phó Bí thư Thường trực "
        "Tỉnh ủy yêu cầu Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh phối hợp chặt chẽ trong bảo đảm an "
        "ninh biên giới.",
        [
            ("ORGANIZATION", "Đảng ủy Công an tỉnh Lạng Sơn", 0),
            ("OFFICIAL", "Thâm Hoài Bắc", 0),
            ("ORGANIZATION", "Công an tỉnh", 1),
            ("OFFICIAL", "Hồ Tiến Thiệu", 0),
            ("ORGANIZATION", "Tỉnh ủy", 0),
            ("ORGANIZATION", "Bộ Chỉ huy Quân sự tỉnh", 0),
            ("ORGANIZATION", "Công an tỉnh", 2),
            ("TASK", "phối hợp chặt chẽ trong bảo đảm an ninh biên giới", 0),
        ],
    ),
    (
        "h25-ninh-thuan",
        "Ông Trần Quốc Nam - Chủ tịch UBND tỉnh Ninh Thuận vừa ký Công văn số "
        "512/UBND-KTTH. Theo đó, Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch "
        "và Đầu tư rà soát nguồn vốn; yêu cầu UBND các huyện, thành phố báo cáo trước ngày 20/9.",
        [
            ("OFFICIAL", "Trần Quốc Nam", 0),
            ("ORGANIZATION", "UBND tỉnh Ninh Thuận", 0),
            ("DIRECTIVE", "Công văn số 512/UBND-KTTH", 0),
            ("ORGANIZATION", "UBND tỉnh", 1),
            ("ORGANIZATION", "Sở Tài chính", 0),
            ("TASK", "chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát nguồn vốn", 0),
            ("ORGANIZATION", "Sở Kế hoạch và Đầu tư", 0),
            ("TASK", "báo cáo trước ngày 20/9", 0),
        ],
    ),
    (
        "h26-phu-yen",
        "Theo TS. Lê Văn Hải, Giám đốc Trường Chính trị tỉnh Phú Yên, năm 2023 nhà "
        "trường đã mở 35 lớp bồi dưỡng. “Thời gian tới, nhà trường cần tiếp tục đổi mới phương pháp "
        "giảng dạy”, ông Hải nói.",
        [
            ("OFFICIAL", "Lê Văn Hải", 0),
            ("ORGANIZATION", "Trường Chính trị tỉnh Phú Yên", 0),
            ("TASK", "tiếp tục đổi mới phương pháp giảng dạy", 0),
            ("OFFICIAL", "Hải", 1),
        ],
    ),
    (
        "h27-son-la",
        "Để thực hiện thắng lợi Nghị quyết Đại hội XIII của Đảng, Ban Thường vụ Tỉnh ủy "
        "Sơn La đề ra các giải pháp sau: Một là, nâng cao năng lực lãnh đạo của các tổ chức cơ sở "
        "đảng. Hai là, đẩy mạnh phát triển kinh tế vùng đồng bào dân tộc thiểu số.",
        [
            ("DIRECTIVE", "Nghị quyết Đại hội XIII", 0),
            ("ORGANIZATION", "Đảng", 0),
            ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy Sơn La", 0),
            ("TASK", "nâng cao năng lực lãnh đạo của các tổ chức cơ sở đảng", 0),
            ("TASK", "đẩy mạnh phát triển kinh tế vùng đồng bào dân tộc thiểu số", 0),
        ],
    ),
    (
        "h28-vinh-long",
        "Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long phối hợp với các tổ chức chính trị - xã "
        "hội tỉnh trao 500 suất quà Tết cho hộ nghèo. Các sở, ban, ngành và Mặt trận các cấp đã vận "
        "động được hơn 12 tỷ đồng.",
        [("ORGANIZATION", "Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long", 0)],
    ),
]
NFD = {"h08-soc-trang-nfd"}


def _find(text: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise SystemExit(f"not found: {needle!r} #{nth}")
    return pos


def build() -> list[dict]:
    out = []
    for doc_id, text, spans in ARTICLES:
        records = []
        for label, needle, nth in spans:
            start = _find(text, needle, nth)
            records.append({"start": start, "end": start + len(needle), "label": label})
        if doc_id in NFD:
            # convert text and offsets to NFD, span by span
            def to_nfd(offset: int, text: str = text) -> int:
                return len(unicodedata.normalize("NFD", text[:offset]))

            records = [{**r, "start": to_nfd(r["start"]), "end": to_nfd(r["end"])} for r in records]
            text = unicodedata.normalize("NFD", text)
        for r in records:
            r["text"] = text[r["start"] : r["end"]]
        out.append({"id": doc_id, "text": text, "spans": records})
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("heldout_gold.jsonl")
    with path.open("w", encoding="utf-8") as fh:
        for rec in build():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(path)
