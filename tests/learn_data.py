"""A small annotated corpus with a construction the rules do not know: cooperatives.

"Tổ hợp tác <Name>" is an ORGANIZATION by the guidelines (a specific body, named), but
no rule or word list proposes it. Each article's gold is what an annotator would accept:
the rules' entity proposals that are right, plus the cooperative they add by hand.
"""

from __future__ import annotations

NAMES = [
    "Nông nghiệp Tân Phú",
    "Chè Shan Tuyết Hà Giang",
    "Dịch vụ Hòa Bình",
    "Thanh Long Hàm Thuận",
    "Rau An Toàn Vân Nội",
    "Cà Phê Ea Kar",
    "Mây Tre Phú Vinh",
    "Bò Sữa Mộc Châu",
    "Muối Bạc Liêu",
    "Lúa Gạo Đồng Tháp",
    "Nấm Linh Chi Đông Anh",
    "Gốm Bát Tràng",
]
PEOPLE = ["Nguyễn Văn Hòa", "Trần Thị Lộc", "Lê Văn Tám", "Phạm Minh Chính", "Hoàng Thị Mai", "Vũ Đức Thắng"]
TEMPLATES = [
    "Sáng nay, Tổ hợp tác {name} tổ chức đại hội thành viên nhiệm kỳ mới. Đồng chí {person}, "
    "Phó Bí thư Tỉnh ủy, dự và phát biểu chỉ đạo.",
    "Đồng chí {person}, Bí thư Huyện ủy, đến thăm Tổ hợp tác {name} và trao đổi với xã viên về "
    "sản xuất vụ mới.",
    "Năm qua, Tổ hợp tác {name} đạt doanh thu cao. Ban Tuyên giáo Tỉnh ủy đề nghị nhân rộng mô "
    "hình này trong thời gian tới.",
]


def cooperative_articles(n: int, offset: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """``n`` (text, gold entity spans) pairs; ``offset`` picks other names and people."""
    from annotator.proposals import propose

    out = []
    for i in range(n):
        name = NAMES[(i + offset) % len(NAMES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(name=name, person=PEOPLE[(i + offset) % len(PEOPLE)])
        start = text.index("Tổ hợp tác")
        coop = (start, start + len("Tổ hợp tác ") + len(name), "ORGANIZATION")
        spans = [
            (p.start, p.end, p.label)
            for p in propose(text)
            if p.label != "TASK" and not (p.start < coop[1] and coop[0] < p.end)
        ]
        out.append((text, sorted([*spans, coop])))
    return out
