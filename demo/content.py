"""Demo course content, written from public facts (see ../shared/content/). Data only."""

# Every figure names the decision it comes from. The PAR Index structure follows Quyết định
# 2948/QĐ-BNV (28/12/2017), which defines the index from the 2017 assessment; the conference
# taught 4361/QĐ-BNV (28/12/2016). Reporting deadlines follow Văn bản 581/BNV-CCHC, issued
# after Nghị định 09/2019/NĐ-CP, and the lessons say so.

# Each lecturer or speaker named in the 01/09/2017 news item.
TRAINERS = [
    {
        "key": "do-quy-tien",
        "name": "Đỗ Quý Tiến",
        "title": "Phó Vụ trưởng Vụ Cải cách hành chính",
        "organisation": "Bộ Nội vụ",
        "bio": (
            "Phó Vụ trưởng Vụ Cải cách hành chính, Bộ Nội vụ (chức vụ tại thời điểm Hội nghị). "
            "Tại Hội nghị tập huấn ngày 31/8/2017, ông giới thiệu tổng quan về công tác cải cách "
            "hành chính, hướng dẫn lập và tổ chức thực hiện kế hoạch cải cách hành chính, và cách "
            "xây dựng báo cáo cải cách hành chính."
        ),
    },
    {
        "key": "nguyen-minh-hoa",
        "name": "Nguyễn Minh Hòa",
        "title": "Tỉnh ủy viên, Giám đốc Sở Nội vụ",
        "organisation": "Sở Nội vụ",
        "bio": (
            "Tỉnh ủy viên, Giám đốc Sở Nội vụ (chức vụ tại thời điểm Hội nghị). Phát biểu khai "
            "mạc Hội nghị tập huấn ngày 31/8/2017, ông khẳng định việc bồi dưỡng năng lực cải "
            "cách hành chính cho đội ngũ công chức của tỉnh là yêu cầu cấp thiết, góp phần làm "
            "cho quản lý nhà nước hiệu lực, hiệu quả hơn, hỗ trợ phát triển kinh tế – xã hội, "
            "củng cố chính quyền cơ sở và phục vụ nhân dân tốt hơn."
        ),
    },
]


# Chuyên đề 1: Tổng quan về công tác cải cách hành chính
MODULE_OVERVIEW = {
    "title": "Tổng quan về công tác cải cách hành chính",
    "slug": "tong-quan-ve-cai-cach-hanh-chinh",
    "summary": (
        "Những nội dung cơ bản về cải cách hành chính, kết quả giai đoạn 2011–2015 và phương "
        "hướng, nhiệm vụ giai đoạn 2016–2020."
    ),
    "description_html": (
        "<p>Chuyên đề mở đầu của Khóa học, dựa trên phần giới thiệu tổng quan tại Hội nghị tập "
        "huấn ngày 31/8/2017. Học viên nắm khung chính sách của Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2011–2020, các con số chính về kết quả giai đoạn 2011–2015 "
        "và những định hướng, chỉ tiêu của giai đoạn 2016–2020.</p>"
    ),
    "estimated_minutes": 90,
    "trainer": "do-quy-tien",
    "lessons": [
        {
            "title": "Những nội dung cơ bản về cải cách hành chính",
            "slug": "noi-dung-co-ban-ve-cai-cach-hanh-chinh",
            "summary": (
                "Cải cách hành chính là gì; Chương trình tổng thể 2011–2020 theo Nghị quyết "
                "30c/NQ-CP: mục tiêu, trọng tâm, sáu lĩnh vực và hai giai đoạn."
            ),
            "estimated_minutes": 20,
            "tags": ["chương trình tổng thể", "sáu lĩnh vực cải cách", "Nghị quyết 30c/NQ-CP"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Cải cách hành chính là việc Nhà nước chủ động thay đổi cách bộ máy "
                        "hành chính được tổ chức và vận hành: từ thể chế, thủ tục, tổ chức bộ máy "
                        "đến đội ngũ cán bộ, công chức, viên chức, tài chính công và phương thức "
                        "làm việc. Đích đến là một nền hành chính phục vụ người dân, doanh nghiệp "
                        "tốt hơn, nhanh hơn và ít tốn kém hơn. Bài học này giới thiệu khung chính "
                        "sách chung mà mọi sở, ban, ngành và Ủy ban nhân dân (UBND) cấp huyện "
                        "đang thực hiện: Chương trình tổng thể cải cách hành chính nhà nước giai "
                        "đoạn 2011–2020.</p>"
                    ),
                ),
                (
                    "heading",
                    {
                        "text": "Từ chương trình 2001–2010 đến Chương trình tổng thể 2011–2020",
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Cải cách hành chính ở nước ta không bắt đầu từ năm 2011. Mười năm "
                        "trước đó, công việc này được triển khai theo Chương trình tổng thể giai "
                        "đoạn 2001–2010, phê duyệt tại Quyết định số 136/2001/QĐ-TTg ngày "
                        "17/9/2001 của Thủ tướng Chính phủ. Chương trình này tập trung vào bốn "
                        "nội dung: thể chế, tổ chức bộ máy, đội ngũ cán bộ, công chức và tài "
                        "chính công.</p><p>Tiếp nối chặng đường đó, ngày 08/11/2011 Chính phủ ban "
                        "hành Nghị quyết số 30c/NQ-CP về Chương trình tổng thể cải cách hành "
                        "chính nhà nước giai đoạn 2011–2020, trên cơ sở đề nghị của Bộ trưởng Bộ "
                        "Nội vụ. Năm 2013, Chương trình được sửa đổi, bổ sung bằng Nghị quyết số "
                        "76/NQ-CP ngày 13/6/2013. Từ năm 2011 đến năm 2020, các kế hoạch và báo "
                        "cáo cải cách hành chính ở mọi cấp đều lấy Chương trình này làm căn cứ "
                        "gốc.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020"
                        ),
                        "document_number": "30c/NQ-CP",
                        "issued_on": "2011-11-08",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị quyết của Chính phủ ban hành Chương trình tổng thể cải cách "
                            "hành chính nhà nước giai đoạn 2011–2020, theo đề nghị của Bộ trưởng "
                            "Bộ Nội vụ. Chương trình xác định mục tiêu, trọng tâm, sáu lĩnh vực "
                            "cải cách và hai giai đoạn thực hiện.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Sửa đổi, bổ sung Chương trình tổng thể 2011–2020",
                        "document_number": "76/NQ-CP",
                        "issued_on": "2013-06-13",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị quyết của Chính phủ sửa đổi, bổ sung Nghị quyết số "
                            "30c/NQ-CP. Văn bản này được viện dẫn trong phần căn cứ của Quyết "
                            "định số 225/QĐ-TTg.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Chương trình tổng thể cải cách hành chính giai đoạn 2001–2010",
                        "document_number": "136/2001/QĐ-TTg",
                        "issued_on": "2001-09-17",
                        "issuing_body": "Thủ tướng Chính phủ",
                        "body": (
                            "<p>Quyết định phê duyệt chương trình cải cách hành chính giai đoạn "
                            "2001–2010, gồm bốn nội dung.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Mục tiêu và trọng tâm", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chương trình tổng thể 2011–2020 đặt ra năm mục tiêu, có thể tóm lược "
                        "như sau:</p><ol><li>Hoàn thiện thể chế kinh tế thị trường định hướng xã "
                        "hội chủ nghĩa.</li><li>Tạo môi trường kinh doanh bình đẳng, thông "
                        "thoáng, thuận lợi, minh bạch; giảm thời gian và chi phí mà người dân, "
                        "doanh nghiệp bỏ ra khi thực hiện thủ tục hành chính.</li><li>Xây dựng hệ "
                        "thống cơ quan hành chính nhà nước từ trung ương tới cơ sở thông suốt, "
                        "trong sạch, vững mạnh, hiện đại, hiệu lực, hiệu quả.</li><li>Bảo đảm "
                        "quyền dân chủ của nhân dân, bảo vệ quyền con người.</li><li>Xây dựng đội "
                        "ngũ cán bộ, công chức, viên chức có phẩm chất và năng lực đáp ứng yêu "
                        "cầu nhiệm vụ.</li></ol><p>Xuyên suốt thập kỷ, Chương trình xác định ba "
                        "trọng tâm: <b>cải cách thể chế</b>; <b>nâng cao chất lượng đội ngũ cán "
                        "bộ, công chức, viên chức</b>, chú trọng cải cách chính sách tiền lương; "
                        "và <b>nâng cao chất lượng dịch vụ hành chính, dịch vụ công</b>.</p>"
                    ),
                ),
                ("heading", {"text": "Sáu lĩnh vực cải cách", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Nội dung của Chương trình được chia thành sáu lĩnh "
                        "vực:</p><ol><li>Cải cách thể chế.</li><li>Cải cách thủ tục hành "
                        "chính.</li><li>Cải cách tổ chức bộ máy hành chính nhà nước.</li><li>Xây "
                        "dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên "
                        "chức.</li><li>Cải cách tài chính công.</li><li>Hiện đại hóa hành "
                        "chính.</li></ol><p>Mỗi lĩnh vực đều có phần việc ở cấp sở, cấp huyện; ví "
                        "dụ cụ thể cho từng lĩnh vực được trình bày trong Chuyên đề 2.</p>"
                    ),
                ),
                ("heading", {"text": "Hai giai đoạn thực hiện", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chương trình được triển khai qua hai giai đoạn: 2011–2015 và "
                        "2016–2020. Hội nghị tập huấn ngày 31/8/2017 diễn ra vào năm thứ hai của "
                        "giai đoạn 2, nên vừa nhìn lại kết quả 2011–2015, vừa hướng dẫn nhiệm vụ "
                        "2016–2020.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Điểm chính",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Chương trình tổng thể 2011–2020: Nghị quyết số 30c/NQ-CP "
                            "ngày 08/11/2011 của Chính phủ.</li><li>Sáu lĩnh vực cải cách, ba "
                            "trọng tâm, năm mục tiêu.</li><li>Hai giai đoạn: 2011–2015 và "
                            "2016–2020.</li><li>Chương trình trước đó (2001–2010) gồm bốn nội "
                            "dung, theo Quyết định số 136/2001/QĐ-TTg.</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Vận dụng trong công việc hằng ngày", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Với công chức tham mưu cải cách hành chính ở sở hoặc UBND cấp huyện, "
                        "sáu lĩnh vực là bộ khung cho cả kế hoạch lẫn báo cáo. Khi nhận một nhiệm "
                        "vụ mới, hãy tự hỏi: việc này thuộc lĩnh vực nào, sản phẩm là gì, ai chịu "
                        "trách nhiệm? Trả lời được ba câu hỏi đó thì việc đưa nhiệm vụ vào kế "
                        "hoạch (Chuyên đề 2) và tổng hợp kết quả vào báo cáo (Chuyên đề 3) sẽ "
                        "thống nhất và dễ theo dõi hơn nhiều.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Kết quả cải cách hành chính giai đoạn 2011–2015",
            "slug": "ket-qua-giai-doan-2011-2015",
            "summary": (
                "Chỉ số CCHC các năm 2012–2015 qua những con số chính, và các dấu mốc về thể chế "
                "trong năm 2015."
            ),
            "estimated_minutes": 20,
            "tags": ["Chỉ số CCHC", "kết quả 2011–2015"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Giai đoạn 1 của Chương trình tổng thể khép lại vào cuối năm 2015. Bài "
                        "học này điểm lại những kết quả có thể đo đếm được: Chỉ số cải cách hành "
                        "chính (Chỉ số CCHC, còn gọi là PAR Index) của các tỉnh, thành phố trực "
                        "thuộc Trung ương qua các năm 2012–2015, cùng một số dấu mốc về thể chế "
                        "trong năm 2015.</p>"
                    ),
                ),
                ("heading", {"text": "Chỉ số CCHC: thước đo mới từ năm 2012", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số CCHC do Bộ Nội vụ chủ trì xác định và được tính lần đầu cho "
                        "năm 2012, đối với cả các bộ, cơ quan ngang bộ lẫn các tỉnh, thành phố. "
                        "Kết quả được thể hiện trên thang điểm từ 0 đến 100%. Ở kỳ đánh giá năm "
                        "2014, chỉ số cấp tỉnh gồm 8 lĩnh vực với 34 tiêu chí; chỉ số cấp bộ gồm "
                        "7 lĩnh vực với 31 tiêu chí.</p><p>Các con số dưới đây là kết quả Bộ Nội "
                        "vụ công bố cho từng năm, theo phương pháp áp dụng cho giai đoạn đó. Bộ "
                        "tiêu chí đã thay đổi qua nhiều lần ban hành, nên chỉ nên dùng điểm số "
                        "các năm để nhìn xu hướng, không so sánh máy móc từng con số với các năm "
                        "sau này.</p>"
                    ),
                ),
                ("heading", {"text": "Kết quả qua từng năm", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li><b>Năm 2012</b>: Đà Nẵng đứng đầu với 87,14%; 19 tỉnh, thành phố "
                        "đạt trên 80%, 33 địa phương đạt từ 70% đến 80%; nhóm thấp nhất đạt từ "
                        "62,58% đến 67,68%. Ở khối bộ, Bộ Tư pháp dẫn đầu với "
                        "82,47%.</li><li><b>Năm 2013</b>: Đà Nẵng tiếp tục dẫn đầu (87,02%), tiếp "
                        "theo là Hải Phòng (86,93%) và Bình Dương (86,86%). Giá trị trung bình cả "
                        "nước là 77,56%; Sơn La đứng cuối với 58,91%.</li><li><b>Năm 2014</b>: Đà "
                        "Nẵng đạt 92,54%, năm thứ ba liên tiếp dẫn đầu cả nước.</li><li><b>Năm "
                        "2015</b>: Đà Nẵng đạt 93,31%. Có 6 tỉnh, thành phố thuộc nhóm A (trên "
                        "90%), 49 địa phương thuộc nhóm B (từ 80% đến 90%) và 8 địa phương thuộc "
                        "nhóm C (từ 70% đến 80%); không địa phương nào dưới 70%.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Xu hướng 2012–2015",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Điểm của Đà Nẵng tăng từ 87,14% (năm 2012) lên 93,31% (năm "
                            "2015).</li><li>Năm 2013, khoảng cách giữa địa phương cao nhất và "
                            "thấp nhất còn lớn: 87,02% so với 58,91%.</li><li>Năm 2015, cả 63 "
                            "tỉnh, thành phố đều đạt từ 70% trở lên.</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Những dấu mốc về thể chế năm 2015", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Năm 2015 ghi dấu nhiều thay đổi về thể chế. Trong năm, Quốc hội thông "
                        "qua 27 luật, trong đó có Luật Tổ chức Chính phủ (sửa đổi) và Luật Tổ "
                        "chức chính quyền địa phương, cùng được thông qua ngày 19/6/2015. Hai đạo "
                        "luật này tạo nền tảng pháp lý mới cho tổ chức và hoạt động của Chính phủ "
                        "và của chính quyền các cấp ở địa phương, kéo theo việc rà soát chức "
                        "năng, nhiệm vụ của các cơ quan chuyên môn thuộc UBND tỉnh, "
                        "huyện.</p><p>Cũng trong năm 2015, Chính phủ ban hành Nghị quyết số "
                        "19/NQ-CP ngày 12/3/2015 về cải thiện môi trường kinh doanh. Với các sở "
                        "có thủ tục hành chính liên quan đến doanh nghiệp, đây là căn cứ để rà "
                        "soát quy trình, rút ngắn thời gian giải quyết hồ sơ.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Hai đạo luật về tổ chức bộ máy năm 2015",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Luật Tổ chức Chính phủ (sửa đổi), Quốc hội thông qua ngày "
                            "19/6/2015.</li><li>Luật Tổ chức chính quyền địa phương, Quốc hội "
                            "thông qua ngày 19/6/2015.</li></ul>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Cải thiện môi trường kinh doanh",
                        "document_number": "19/NQ-CP",
                        "issued_on": "2015-03-12",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị quyết của Chính phủ về các nhiệm vụ, giải pháp cải thiện môi "
                            "trường kinh doanh, một trong những dấu mốc cải cách hành chính của "
                            "năm 2015.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Đọc số liệu để rút ra việc cần làm", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Số liệu giai đoạn 2011–2015 cho thấy hai điều. Thứ nhất, mặt bằng "
                        "chung được nâng lên rõ rệt: năm 2012 vẫn có địa phương dưới 68%, đến năm "
                        "2015 không còn địa phương nào dưới 70%. Thứ hai, chênh lệch giữa các địa "
                        "phương vẫn còn, và thứ hạng phụ thuộc vào kết quả của từng lĩnh vực chứ "
                        "không chỉ vào tổng điểm.</p><p>Với một sở hoặc UBND cấp huyện, cách dùng "
                        "số liệu hữu ích nhất là: xem điểm của tỉnh mình ở từng lĩnh vực, xác "
                        "định lĩnh vực nào có phần đóng góp của cơ quan mình, rồi đưa việc khắc "
                        "phục vào kế hoạch năm sau. Đừng dừng lại ở việc biết tỉnh mình đứng thứ "
                        "mấy.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Phương hướng, nhiệm vụ cải cách hành chính giai đoạn 2016–2020",
            "slug": "phuong-huong-nhiem-vu-2016-2020",
            "summary": (
                "Kế hoạch cải cách hành chính 2016–2020 theo Quyết định 225/QĐ-TTg: mục tiêu, "
                "trọng tâm, chỉ tiêu đến năm 2020 và việc cần làm ở sở, huyện."
            ),
            "estimated_minutes": 20,
            "tags": ["kế hoạch 2016–2020", "Quyết định 225/QĐ-TTg", "Chính phủ điện tử"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Giai đoạn 2 của Chương trình tổng thể (2016–2020) được cụ thể hóa "
                        "bằng một kế hoạch riêng do Thủ tướng Chính phủ phê duyệt. Bài học này "
                        "giúp học viên nắm mục tiêu, trọng tâm và những chỉ tiêu cần nhớ của kế "
                        "hoạch đó, từ đó xác định việc phải làm ở cơ quan, đơn vị mình.</p>"
                    ),
                ),
                (
                    "heading",
                    {
                        "text": "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020",
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Ngày 04/02/2016, Thủ tướng Chính phủ ký Quyết định số 225/QĐ-TTg phê "
                        "duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020. Kế "
                        "hoạch được xây dựng trên cơ sở Nghị quyết số 30c/NQ-CP năm 2011, Nghị "
                        "quyết số 76/NQ-CP năm 2013 và Nghị quyết số 36a/NQ-CP ngày 14/10/2015 "
                        "của Chính phủ về Chính phủ điện tử.</p><p>Mục tiêu chung là tiếp tục đẩy "
                        "mạnh thực hiện Chương trình tổng thể để hoàn thành các mục tiêu của giai "
                        "đoạn 2. Trọng tâm vẫn là cải cách thể chế; xây dựng, nâng cao chất lượng "
                        "đội ngũ cán bộ, công chức, viên chức gắn với cải cách tiền lương; và "
                        "nâng cao chất lượng dịch vụ hành chính, dịch vụ công.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020",
                        "document_number": "225/QĐ-TTg",
                        "issued_on": "2016-02-04",
                        "issuing_body": "Thủ tướng Chính phủ",
                        "body": (
                            "<p>Quyết định phê duyệt Kế hoạch cải cách hành chính nhà nước giai "
                            "đoạn 2016–2020, cụ thể hóa giai đoạn 2 của Chương trình tổng thể ban "
                            "hành theo Nghị quyết số 30c/NQ-CP.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Chính phủ điện tử",
                        "document_number": "36a/NQ-CP",
                        "issued_on": "2015-10-14",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị quyết của Chính phủ về Chính phủ điện tử; là một trong các "
                            "căn cứ của Kế hoạch cải cách hành chính nhà nước giai đoạn "
                            "2016–2020.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Những chỉ tiêu cần nhớ đến năm 2020", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Hệ thống pháp luật đồng bộ, khả thi, minh bạch, ổn định và dễ "
                        "tiếp cận.</li><li>Đẩy mạnh đơn giản hóa thủ tục, cắt giảm chi phí tuân "
                        "thủ trong các lĩnh vực: xuất nhập khẩu, đầu tư, đất đai, xây dựng, sở "
                        "hữu nhà ở, thuế, hải quan, y tế và quản lý thị trường.</li><li>Mức độ "
                        "hài lòng của người dân đối với việc giải quyết thủ tục hành chính đạt "
                        "<b>trên 80%</b> vào năm 2020.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Mốc cần nhớ",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Kế hoạch 2016–2020: Quyết định số 225/QĐ-TTg ngày "
                            "04/02/2016.</li><li>Căn cứ về Chính phủ điện tử: Nghị quyết số "
                            "36a/NQ-CP ngày 14/10/2015.</li><li>Mức hài lòng của người dân về "
                            "giải quyết thủ tục hành chính năm 2020: trên 80%.</li></ul>"
                        ),
                    },
                ),
                (
                    "heading",
                    {"text": "Chính phủ điện tử và hiện đại hóa hành chính", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>Việc Nghị quyết về Chính phủ điện tử trở thành một căn cứ của Kế "
                        "hoạch cho thấy hiện đại hóa hành chính không còn là việc riêng của bộ "
                        "phận công nghệ thông tin. Ở cấp sở, cấp huyện, điều này thể hiện qua "
                        "những việc cụ thể: xử lý văn bản, hồ sơ công việc trên môi trường mạng; "
                        "cung cấp dịch vụ công trực tuyến cho các thủ tục có nhiều người sử dụng; "
                        "công khai tình trạng giải quyết hồ sơ để người dân tự tra cứu.</p>"
                    ),
                ),
                ("heading", {"text": "Việc cần làm ở sở và UBND cấp huyện", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ol><li>Đối chiếu danh mục thủ tục hành chính của ngành, địa phương mình "
                        "với các lĩnh vực được Kế hoạch ưu tiên đơn giản hóa (đất đai, xây dựng, "
                        "đầu tư…).</li><li>Tổ chức lấy ý kiến người dân về việc giải quyết thủ "
                        "tục, để biết mình đang ở đâu so với mốc 80%.</li><li>Bố trí nhiệm vụ "
                        "hằng năm theo đủ sáu lĩnh vực, không dồn hết vào thủ tục hành "
                        "chính.</li><li>Ưu tiên những việc có sản phẩm đo đếm được: vừa dễ theo "
                        "dõi, vừa dễ chứng minh khi đánh giá Chỉ số CCHC.</li></ol>"
                    ),
                ),
                ("heading", {"text": "Nhìn xa hơn: giai đoạn 2021–2030", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Phần này là thông tin cập nhật, không thuộc nội dung Hội nghị năm "
                        "2017. Ngày 15/7/2021, Chính phủ ban hành Nghị quyết số 76/NQ-CP về "
                        "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030. "
                        "Chương trình mới vẫn gồm sáu nội dung, trong đó nhấn mạnh cải cách chế "
                        "độ công vụ và xây dựng, phát triển Chính phủ điện tử, Chính phủ số; một "
                        "trong các chỉ tiêu là đến năm 2025 cắt giảm, đơn giản hóa ít nhất 20% "
                        "thủ tục hành chính và chi phí tuân thủ liên quan đến hoạt động kinh "
                        "doanh.</p><p>Lưu ý: Nghị quyết này trùng số hiệu với Nghị quyết số "
                        "76/NQ-CP năm 2013, nên khi viện dẫn luôn ghi kèm ngày ban hành.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030"
                        ),
                        "document_number": "76/NQ-CP",
                        "issued_on": "2021-07-15",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị quyết của Chính phủ ban hành Chương trình tổng thể cho giai "
                            "đoạn tiếp theo; ban hành sau Hội nghị năm 2017, được giới thiệu ở "
                            "đây để học viên tham khảo.</p>"
                        ),
                    },
                ),
            ],
        },
    ],
    "slides": [
        {
            "title": "Tổng quan về công tác cải cách hành chính",
            "bullets": [
                "Những nội dung cơ bản về cải cách hành chính",
                "Kết quả giai đoạn 2011–2015",
                "Phương hướng, nhiệm vụ giai đoạn 2016–2020",
            ],
            "notes": (
                "Chuyên đề gồm ba phần, theo đúng trình tự trình bày tại Hội nghị ngày 31/8/2017."
            ),
        },
        {
            "title": "Chương trình 2001–2010",
            "bullets": [
                "Quyết định 136/2001/QĐ-TTg ngày 17/9/2001",
                "Bốn nội dung: thể chế, bộ máy, cán bộ công chức, tài chính công",
            ],
            "notes": (
                "Chương trình 2011–2020 kế thừa bốn nội dung này và bổ sung thêm hai lĩnh vực."
            ),
        },
        {
            "title": "Chương trình tổng thể 2011–2020",
            "bullets": [
                "Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ",
                "Sửa đổi, bổ sung: Nghị quyết 76/NQ-CP ngày 13/6/2013",
                "Hai giai đoạn: 2011–2015 và 2016–2020",
            ],
            "notes": (
                "Đây là căn cứ gốc của mọi kế hoạch, báo cáo cải cách hành chính đến năm 2020."
            ),
        },
        {
            "title": "Ba trọng tâm của thập kỷ",
            "bullets": [
                "Cải cách thể chế",
                "Chất lượng đội ngũ, chú trọng cải cách tiền lương",
                "Chất lượng dịch vụ hành chính và dịch vụ công",
            ],
            "notes": (
                "Ba trọng tâm này được Quyết định 225/QĐ-TTg nhắc lại cho giai đoạn 2016–2020."
            ),
        },
        {
            "title": "Sáu lĩnh vực cải cách",
            "bullets": [
                "Thể chế; thủ tục hành chính",
                "Tổ chức bộ máy; đội ngũ cán bộ, công chức, viên chức",
                "Tài chính công; hiện đại hóa hành chính",
            ],
            "notes": (
                "Sáu lĩnh vực là bộ khung để xếp nhiệm vụ trong kế hoạch và kết quả trong báo cáo."
            ),
        },
        {
            "title": "Chỉ số CCHC 2012–2015",
            "bullets": [
                "Tính lần đầu cho năm 2012",
                "Đà Nẵng dẫn đầu ba năm liền 2012–2014",
                "2015: 6 địa phương trên 90%, không nơi nào dưới 70%",
            ],
            "notes": (
                "Các con số theo kết quả Bộ Nội vụ công bố hằng năm; phương pháp của giai đoạn "
                "này khác với các quyết định sau năm 2016."
            ),
        },
        {
            "title": "Kế hoạch CCHC 2016–2020",
            "bullets": [
                "Quyết định 225/QĐ-TTg ngày 04/02/2016",
                "Căn cứ thêm: Nghị quyết 36a/NQ-CP về Chính phủ điện tử",
                "Hài lòng về giải quyết thủ tục: trên 80% (năm 2020)",
            ],
            "notes": (
                "Chỉ tiêu trên 80% là thước đo mà mỗi bộ phận một cửa có thể tự đo và so sánh."
            ),
        },
        {
            "title": "Việc của mỗi cơ quan, đơn vị",
            "bullets": [
                "Xếp nhiệm vụ theo sáu lĩnh vực",
                "Rà soát, đơn giản hóa thủ tục thuộc ngành mình",
                "Lấy ý kiến người dân về giải quyết thủ tục",
            ],
            "notes": "Chuyển sang Chuyên đề 2 để biến những định hướng này thành kế hoạch năm.",
        },
    ],
    "deck_title": "Tổng quan về công tác cải cách hành chính",
    "deck_lesson": 0,
    "quiz": {
        "title": "Bài kiểm tra chuyên đề 1: Tổng quan về công tác cải cách hành chính",
        "slug": "bai-kiem-tra",
        "intro": (
            "Bài kiểm tra giúp học viên tự đánh giá mức nắm vững Chương trình tổng thể 2011–2020, "
            "kết quả giai đoạn 2011–2015 và Kế hoạch 2016–2020. Điểm đạt là 70%."
        ),
        "pass_mark": 70,
        "questions": [
            {
                "text": (
                    "Nghị quyết số 30c/NQ-CP về Chương trình tổng thể cải cách hành chính nhà "
                    "nước giai đoạn 2011–2020 được Chính phủ ban hành ngày nào?"
                ),
                "kind": "single",
                "area": "Chương trình tổng thể CCHC",
                "choices": [
                    ("08/11/2011", True, "Đúng: Chính phủ ban hành Nghị quyết ngày 08/11/2011."),
                    (
                        "13/6/2013",
                        False,
                        "Đây là ngày của Nghị quyết 76/NQ-CP sửa đổi, bổ sung 30c.",
                    ),
                    (
                        "04/02/2016",
                        False,
                        "Đây là ngày của Quyết định 225/QĐ-TTg (kế hoạch 2016–2020).",
                    ),
                    (
                        "17/9/2001",
                        False,
                        "Đây là ngày của Quyết định 136/2001/QĐ-TTg (giai đoạn 2001–2010).",
                    ),
                ],
                "explanation": (
                    "Theo Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương "
                    "trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020."
                ),
            },
            {
                "text": (
                    "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020 gồm "
                    "bao nhiêu lĩnh vực cải cách?"
                ),
                "kind": "single",
                "area": "Chương trình tổng thể CCHC",
                "choices": [
                    (
                        "6 lĩnh vực",
                        True,
                        "Đúng: thể chế, thủ tục, bộ máy, đội ngũ, tài chính công, hiện đại hóa.",
                    ),
                    (
                        "4 lĩnh vực",
                        False,
                        "Bốn nội dung là của chương trình 2001–2010 (Quyết định 136/2001/QĐ-TTg).",
                    ),
                    (
                        "8 lĩnh vực",
                        False,
                        "8 là số lĩnh vực của Chỉ số CCHC cấp tỉnh, không phải của Chương trình.",
                    ),
                    (
                        "5 lĩnh vực",
                        False,
                        "5 là số mục tiêu của Chương trình, không phải số lĩnh vực.",
                    ),
                ],
                "explanation": (
                    "Theo Nghị quyết 30c/NQ-CP ngày 08/11/2011, Chương trình tổng thể gồm sáu "
                    "lĩnh vực cải cách."
                ),
            },
            {
                "text": (
                    "Những lĩnh vực nào dưới đây thuộc sáu lĩnh vực của Chương trình tổng thể "
                    "2011–2020? (Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Chương trình tổng thể CCHC",
                "choices": [
                    ("Cải cách thủ tục hành chính", True, "Đúng: đây là lĩnh vực thứ hai."),
                    ("Hiện đại hóa hành chính", True, "Đúng: đây là lĩnh vực thứ sáu."),
                    ("Cải cách tài chính công", True, "Đúng: đây là lĩnh vực thứ năm."),
                    (
                        "Cải cách tư pháp",
                        False,
                        "Cải cách tư pháp không thuộc Chương trình cải cách hành chính.",
                    ),
                    (
                        "Tác động của cải cách hành chính đến người dân, tổ chức",
                        False,
                        (
                            "Đây là một lĩnh vực của Chỉ số CCHC cấp tỉnh, không phải của Chương "
                            "trình."
                        ),
                    ),
                ],
                "explanation": (
                    "Theo Nghị quyết 30c/NQ-CP ngày 08/11/2011: thể chế; thủ tục hành chính; tổ "
                    "chức bộ máy; đội ngũ cán bộ, công chức, viên chức; tài chính công; hiện đại "
                    "hóa hành chính."
                ),
            },
            {
                "text": (
                    "Chương trình tổng thể cải cách hành chính 2011–2020 được chia thành hai giai "
                    "đoạn: 2011–2015 và 2016–2020."
                ),
                "kind": "true_false",
                "area": "Chương trình tổng thể CCHC",
                "choices": [
                    (
                        "Đúng",
                        True,
                        "Chính xác: giai đoạn 1 là 2011–2015, giai đoạn 2 là 2016–2020.",
                    ),
                    (
                        "Sai",
                        False,
                        "Chưa đúng: Chương trình có hai giai đoạn, 2011–2015 và 2016–2020.",
                    ),
                ],
                "explanation": (
                    "Theo Nghị quyết 30c/NQ-CP ngày 08/11/2011, Chương trình được thực hiện qua "
                    "hai giai đoạn 2011–2015 và 2016–2020."
                ),
            },
            {
                "text": (
                    "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020 được phê duyệt tại "
                    "văn bản nào?"
                ),
                "kind": "single",
                "area": "Kế hoạch CCHC 2016–2020",
                "choices": [
                    (
                        "Quyết định 225/QĐ-TTg ngày 04/02/2016",
                        True,
                        "Đúng: do Thủ tướng Chính phủ phê duyệt.",
                    ),
                    (
                        "Nghị quyết 36a/NQ-CP ngày 14/10/2015",
                        False,
                        (
                            "Nghị quyết 36a về Chính phủ điện tử là một căn cứ của Kế hoạch, "
                            "không phải Kế hoạch."
                        ),
                    ),
                    (
                        "Nghị quyết 76/NQ-CP ngày 13/6/2013",
                        False,
                        "Nghị quyết này sửa đổi, bổ sung Nghị quyết 30c.",
                    ),
                    (
                        "Quyết định 4361/QĐ-BNV ngày 28/12/2016",
                        False,
                        "Quyết định này về Chỉ số CCHC.",
                    ),
                ],
                "explanation": (
                    "Theo Quyết định 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ phê duyệt "
                    "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020."
                ),
            },
            {
                "text": (
                    "Theo Kế hoạch cải cách hành chính 2016–2020, đến năm 2020 mức độ hài lòng "
                    "của người dân đối với việc giải quyết thủ tục hành chính cần đạt bao nhiêu?"
                ),
                "kind": "single",
                "area": "Kế hoạch CCHC 2016–2020",
                "choices": [
                    ("Trên 80%", True, "Đúng: đây là chỉ tiêu đến năm 2020."),
                    ("Trên 70%", False, "Thấp hơn chỉ tiêu của Kế hoạch."),
                    ("Trên 90%", False, "Cao hơn chỉ tiêu của Kế hoạch."),
                    ("100%", False, "Kế hoạch không đặt chỉ tiêu tuyệt đối này."),
                ],
                "explanation": (
                    "Theo Quyết định 225/QĐ-TTg ngày 04/02/2016, mức độ hài lòng của người dân về "
                    "giải quyết thủ tục hành chính đạt trên 80% vào năm 2020."
                ),
            },
            {
                "text": "Chỉ số cải cách hành chính (PAR Index) được tính lần đầu cho năm 2010.",
                "kind": "true_false",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("Đúng", False, "Chưa đúng: Chỉ số được tính lần đầu cho năm 2012."),
                    ("Sai", True, "Chính xác: lần đầu là năm 2012, Đà Nẵng dẫn đầu với 87,14%."),
                ],
                "explanation": (
                    "Theo kết quả Bộ Nội vụ công bố, Chỉ số CCHC được xác định lần đầu cho năm "
                    "2012 (trong giai đoạn 1 của Chương trình theo Nghị quyết 30c/NQ-CP)."
                ),
            },
            {
                "text": "Theo kết quả Chỉ số CCHC năm 2015, nhận định nào đúng?",
                "kind": "single",
                "area": "Chỉ số CCHC",
                "choices": [
                    (
                        "Không tỉnh, thành phố nào đạt dưới 70%",
                        True,
                        "Đúng: 6 địa phương nhóm A, 49 nhóm B, 8 nhóm C, không nơi nào dưới 70%.",
                    ),
                    (
                        "Có 19 địa phương đạt trên 90%",
                        False,
                        "Năm 2015 chỉ có 6 địa phương trên 90%.",
                    ),
                    (
                        "Đà Nẵng đạt 87,14%",
                        False,
                        "87,14% là điểm của Đà Nẵng năm 2012; năm 2015 là 93,31%.",
                    ),
                    ("Sơn La đứng cuối với 58,91%", False, "Đây là kết quả năm 2013."),
                ],
                "explanation": (
                    "Theo kết quả Chỉ số CCHC năm 2015 do Bộ Nội vụ công bố (giai đoạn 1 của "
                    "Chương trình theo Nghị quyết 30c/NQ-CP): nhóm A 6, nhóm B 49, nhóm C 8, "
                    "không địa phương nào dưới 70%."
                ),
            },
        ],
    },
}


# Chuyên đề 2: Lập kế hoạch và tổ chức thực hiện kế hoạch CCHC
MODULE_PLANNING = {
    "title": "Lập kế hoạch và tổ chức thực hiện kế hoạch cải cách hành chính",
    "slug": "lap-ke-hoach-cai-cach-hanh-chinh",
    "summary": (
        "Xây dựng kế hoạch cải cách hành chính năm của cơ quan, đơn vị từ kế hoạch của Trung ương "
        "và của tỉnh; giao việc, theo dõi và kiểm tra việc thực hiện."
    ),
    "description_html": (
        "<p>Chuyên đề hướng dẫn công chức tham mưu ở sở, ban, ngành và UBND cấp huyện lập kế "
        "hoạch cải cách hành chính năm: căn cứ, mục tiêu, nhiệm vụ theo sáu lĩnh vực, sản phẩm, "
        "đơn vị chủ trì, thời hạn và kinh phí; sau đó tổ chức thực hiện, theo dõi, kiểm tra và "
        "tránh những lỗi thường gặp. Những điểm không có quy định thống nhất được trình bày như "
        "cách làm tốt để tham khảo; khi tỉnh có hướng dẫn riêng, thực hiện theo hướng dẫn của "
        "tỉnh.</p>"
    ),
    "estimated_minutes": 90,
    "trainer": "do-quy-tien",
    "lessons": [
        {
            "title": "Căn cứ xây dựng kế hoạch cải cách hành chính năm",
            "slug": "can-cu-xay-dung-ke-hoach",
            "summary": (
                "Kế hoạch của cơ quan, đơn vị nằm ở đâu trong hệ thống kế hoạch từ trung ương đến "
                "tỉnh; cần thu thập những căn cứ gì và thế nào là một kế hoạch tốt."
            ),
            "estimated_minutes": 20,
            "tags": ["kế hoạch CCHC", "căn cứ lập kế hoạch"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Kế hoạch cải cách hành chính năm là công cụ để biến những mục tiêu "
                        "chung của Chính phủ và của tỉnh thành việc làm cụ thể tại từng cơ quan, "
                        "đơn vị. Một kế hoạch tốt trả lời rõ năm câu hỏi: năm nay làm gì, làm đến "
                        "đâu, ai làm, khi nào xong và lấy kinh phí ở đâu. Bài học này bắt đầu từ "
                        "câu hỏi đứng trước tất cả: dựa vào đâu để lập kế hoạch.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Hệ thống kế hoạch từ trung ương đến cơ quan, đơn vị", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>Kế hoạch của một sở hay một UBND cấp huyện không đứng riêng, mà là "
                        "mắt xích cuối của một chuỗi văn bản:</p><ol><li><b>Nghị quyết số "
                        "30c/NQ-CP</b> của Chính phủ: khung mười năm 2011–2020, gồm mục tiêu và "
                        "sáu lĩnh vực cải cách.</li><li><b>Quyết định số 225/QĐ-TTg</b> của Thủ "
                        "tướng Chính phủ: Kế hoạch cải cách hành chính nhà nước giai đoạn "
                        "2016–2020.</li><li><b>Kế hoạch cải cách hành chính của tỉnh</b> do UBND "
                        "tỉnh ban hành, thường có kế hoạch cho cả giai đoạn và kế hoạch cho từng "
                        "năm.</li><li><b>Kế hoạch cải cách hành chính năm của cơ quan, đơn "
                        "vị</b>: sở, ban, ngành; UBND cấp huyện.</li></ol><p>Mỗi cấp dưới cụ thể "
                        "hóa cấp trên chứ không chép lại cấp trên. Nhiệm vụ tỉnh giao cho cơ quan "
                        "mình chủ trì thì phải có trong kế hoạch của cơ quan; nhiệm vụ do cơ quan "
                        "khác chủ trì thì chỉ ghi phần việc phối hợp, nếu có.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020"
                        ),
                        "document_number": "30c/NQ-CP",
                        "issued_on": "2011-11-08",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Khung chung cho giai đoạn 2011–2020: mục tiêu, trọng tâm và sáu "
                            "lĩnh vực cải cách mà mọi kế hoạch cải cách hành chính phải bám "
                            "theo.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020",
                        "document_number": "225/QĐ-TTg",
                        "issued_on": "2016-02-04",
                        "issuing_body": "Thủ tướng Chính phủ",
                        "body": (
                            "<p>Kế hoạch cấp quốc gia cho giai đoạn 2 của Chương trình tổng thể; "
                            "là căn cứ trực tiếp của kế hoạch cải cách hành chính các năm "
                            "2016–2020 ở tỉnh và ở từng cơ quan.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Thu thập căn cứ trước khi viết", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Trước khi soạn dự thảo, công chức tham mưu nên tập hợp đủ sáu nhóm "
                        "thông tin:</p><ul><li>Kế hoạch cải cách hành chính năm của UBND tỉnh và "
                        "các văn bản chỉ đạo, hướng dẫn của tỉnh, của Sở Nội vụ.</li><li>Chức "
                        "năng, nhiệm vụ của cơ quan và danh mục thủ tục hành chính đang giải "
                        "quyết.</li><li>Báo cáo cải cách hành chính năm trước của chính cơ quan: "
                        "việc nào chưa xong, hạn chế nào đã được chỉ ra.</li><li>Kết quả Chỉ số "
                        "CCHC gần nhất của tỉnh, nhất là những tiêu chí bị mất điểm có liên quan "
                        "đến cơ quan mình.</li><li>Phản ánh, kiến nghị của người dân, doanh "
                        "nghiệp trong năm.</li><li>Nguồn lực thực tế: biên chế, kinh phí, hạ tầng "
                        "công nghệ thông tin.</li></ul>"
                    ),
                ),
                ("heading", {"text": "Yêu cầu đối với một kế hoạch tốt", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li><b>Bám sát</b>: có đủ nhiệm vụ tỉnh giao, viện dẫn đúng căn "
                        "cứ.</li><li><b>Cụ thể</b>: mỗi nhiệm vụ có sản phẩm rõ ràng như văn bản, "
                        "quyết định, báo cáo hay một hệ thống được đưa vào sử "
                        "dụng.</li><li><b>Khả thi</b>: phù hợp với biên chế và kinh phí, không ôm "
                        "đồm quá sức.</li><li><b>Rõ trách nhiệm</b>: mỗi nhiệm vụ có một đơn vị "
                        "chủ trì duy nhất.</li><li><b>Có thời hạn</b>: mốc hoàn thành theo quý "
                        "hoặc theo tháng.</li><li><b>Đo được</b>: mục tiêu có con số để cuối năm "
                        "tự đánh giá và báo cáo.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Điểm chính",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Chuỗi căn cứ: Nghị quyết 30c/NQ-CP → Quyết định 225/QĐ-TTg → "
                            "kế hoạch của tỉnh → kế hoạch của cơ quan, đơn vị.</li><li>Kế hoạch "
                            "của cơ quan cụ thể hóa, không sao chép kế hoạch của "
                            "tỉnh.</li><li>Trước khi viết: gom đủ văn bản cấp trên, kết quả năm "
                            "trước, kết quả Chỉ số CCHC, phản ánh của người dân và nguồn "
                            "lực.</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Lưu ý cho sở và UBND cấp huyện", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Thời hạn ban hành kế hoạch năm do UBND tỉnh hoặc Sở Nội vụ hướng dẫn; "
                        "hãy chủ động dự thảo ngay khi có kế hoạch của tỉnh thay vì chờ sát hạn. "
                        "Kế hoạch nên do thủ trưởng cơ quan ký ban hành, gửi Sở Nội vụ để theo "
                        "dõi và phổ biến tới từng phòng, đơn vị trực thuộc. Trong Chỉ số CCHC cấp "
                        "tỉnh, lĩnh vực thứ nhất là công tác chỉ đạo, điều hành cải cách hành "
                        "chính; việc từng cơ quan trong tỉnh lập và thực hiện kế hoạch nghiêm túc "
                        "góp phần trực tiếp vào kết quả của lĩnh vực này.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Nội dung và cấu trúc của kế hoạch cải cách hành chính năm",
            "slug": "noi-dung-cau-truc-ke-hoach",
            "summary": (
                "Bố cục thường dùng, cách viết mục tiêu đo được, xếp nhiệm vụ theo sáu lĩnh vực, "
                "bảng nhiệm vụ và dự trù kinh phí."
            ),
            "estimated_minutes": 20,
            "tags": ["kế hoạch CCHC", "bảng nhiệm vụ", "kinh phí"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Khi đã có đủ căn cứ, bước tiếp theo là viết kế hoạch sao cho mọi "
                        "người đọc — lãnh đạo, các phòng chuyên môn và cả đoàn kiểm tra — đều "
                        "hiểu ngay phải làm gì. Bài học giới thiệu bố cục thường dùng, cách viết "
                        "mục tiêu, cách xếp nhiệm vụ theo sáu lĩnh vực và bảng phân công nhiệm "
                        "vụ.</p>"
                    ),
                ),
                ("heading", {"text": "Bố cục thường dùng", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Khi tỉnh có mẫu hoặc hướng dẫn riêng, thực hiện theo mẫu của tỉnh. "
                        "Nếu chưa có, một kế hoạch năm thường gồm:</p><ol><li>Mục đích, yêu "
                        "cầu.</li><li>Mục tiêu chung và mục tiêu cụ thể.</li><li>Nhiệm vụ, giải "
                        "pháp: công tác chỉ đạo, điều hành và sáu lĩnh vực cải cách.</li><li>Kinh "
                        "phí thực hiện.</li><li>Tổ chức thực hiện: trách nhiệm của lãnh đạo, của "
                        "từng phòng, đơn vị; chế độ báo cáo.</li><li>Phụ lục: bảng nhiệm vụ chi "
                        "tiết.</li></ol>"
                    ),
                ),
                ("heading", {"text": "Viết mục tiêu đo được", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Mục tiêu kiểu “tăng cường, đẩy mạnh cải cách hành chính” không sai "
                        "nhưng không giúp gì cho việc đánh giá. Hãy viết sao cho cuối năm trả lời "
                        "được “đạt” hay “chưa đạt”. So sánh hai cách viết (ví dụ minh "
                        "họa):</p><ul><li><i>Chưa tốt:</i> Nâng cao chất lượng giải quyết thủ tục "
                        "hành chính.</li><li><i>Tốt hơn:</i> Đến hết quý III, hoàn thành rà soát "
                        "các thủ tục hành chính lĩnh vực đất đai do UBND huyện giải quyết và "
                        "trình phương án đơn giản hóa; tổ chức khảo sát sự hài lòng của người dân "
                        "ít nhất một lần trong năm.</li></ul><p>Mục tiêu của cơ quan nên góp phần "
                        "trực tiếp vào mục tiêu chung. Chẳng hạn, Quyết định số 225/QĐ-TTg đặt "
                        "mục tiêu mức độ hài lòng của người dân về giải quyết thủ tục hành chính "
                        "đạt trên 80% vào năm 2020; kế hoạch của một huyện có thể đặt mục tiêu đo "
                        "và cải thiện chỉ số này tại bộ phận một cửa của mình.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020",
                        "document_number": "225/QĐ-TTg",
                        "issued_on": "2016-02-04",
                        "issuing_body": "Thủ tướng Chính phủ",
                        "body": (
                            "<p>Nguồn của chỉ tiêu hài lòng trên 80% vào năm 2020 và của các lĩnh "
                            "vực thủ tục hành chính được ưu tiên đơn giản hóa.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Xếp nhiệm vụ theo sáu lĩnh vực", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Xếp nhiệm vụ theo đúng sáu lĩnh vực của Chương trình tổng thể giúp kế "
                        "hoạch không bỏ sót mảng nào và giúp báo cáo cuối kỳ khớp với kế hoạch. "
                        "Dưới đây là ví dụ những nhiệm vụ thường gặp ở cấp sở, cấp "
                        "huyện:</p><ul><li><b>Thể chế</b>: rà soát văn bản quy phạm pháp luật "
                        "thuộc ngành, địa phương; kiểm tra việc thi hành.</li><li><b>Thủ tục hành "
                        "chính</b>: cập nhật, công khai thủ tục; rà soát, đề xuất đơn giản hóa; "
                        "tiếp nhận, xử lý phản ánh, kiến nghị.</li><li><b>Tổ chức bộ máy</b>: rà "
                        "soát chức năng, nhiệm vụ của các phòng, đơn vị; sắp xếp lại đơn vị trực "
                        "thuộc.</li><li><b>Đội ngũ cán bộ, công chức, viên chức</b>: hoàn thiện "
                        "vị trí việc làm; bồi dưỡng; tăng cường kỷ luật, kỷ cương hành "
                        "chính.</li><li><b>Tài chính công</b>: thực hiện cơ chế tự chủ tại cơ "
                        "quan và các đơn vị sự nghiệp công lập trực thuộc.</li><li><b>Hiện đại "
                        "hóa hành chính</b>: ứng dụng công nghệ thông tin, dịch vụ công trực "
                        "tuyến, hệ thống quản lý chất lượng.</li></ul><p>Ngoài ra, nên có một "
                        "nhóm nhiệm vụ về chỉ đạo, điều hành và tuyên truyền cải cách hành chính: "
                        "ban hành kế hoạch, kiểm tra, báo cáo, khen thưởng.</p>"
                    ),
                ),
                ("heading", {"text": "Bảng nhiệm vụ: phần được dùng nhiều nhất", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Phần lời của kế hoạch thường chỉ được đọc một lần; bảng nhiệm vụ thì "
                        "được dùng cả năm để giao việc, theo dõi và báo cáo. Mỗi dòng trong bảng "
                        "là một nhiệm vụ, với các cột tối thiểu như trong khung dưới đây. Nhiệm "
                        "vụ lớn nên tách thành các bước có sản phẩm riêng để theo dõi tiến độ "
                        "theo quý.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Các cột tối thiểu của bảng nhiệm vụ",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Nội dung nhiệm vụ (thuộc lĩnh vực nào)</li><li>Sản phẩm đầu "
                            "ra</li><li>Đơn vị chủ trì</li><li>Đơn vị phối hợp</li><li>Thời gian "
                            "hoàn thành</li><li>Kinh phí và nguồn kinh phí</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Dự trù kinh phí", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Nhiệm vụ cần kinh phí nên được dự trù cùng lúc với việc lập dự toán "
                        "ngân sách của cơ quan, ghi rõ nguồn: kinh phí chi thường xuyên, kinh phí "
                        "tỉnh bố trí cho nhiệm vụ cải cách hành chính, hay lồng ghép từ chương "
                        "trình, đề án khác. Nhiệm vụ không có nguồn kinh phí rõ ràng rất dễ bị "
                        "treo đến cuối năm. Ngược lại, những việc không phát sinh chi phí như rà "
                        "soát, công khai, cập nhật quy trình nên ghi rõ “không phát sinh kinh "
                        "phí” để tránh hiểu lầm khi kiểm tra.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Tổ chức thực hiện, theo dõi và kiểm tra kế hoạch",
            "slug": "to-chuc-thuc-hien-theo-doi-kiem-tra",
            "summary": (
                "Giao việc, theo dõi tiến độ, lưu tài liệu kiểm chứng, kiểm tra, điều chỉnh kế "
                "hoạch và những lỗi thường gặp."
            ),
            "estimated_minutes": 20,
            "tags": ["kế hoạch CCHC", "kiểm tra CCHC", "tài liệu kiểm chứng"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Ban hành kế hoạch mới là một nửa công việc. Nửa còn lại, thường là "
                        "nửa khó hơn, là giao việc, theo dõi tiến độ, kiểm tra, điều chỉnh khi "
                        "cần và lưu giữ bằng chứng của từng kết quả. Bài học này đi qua từng "
                        "bước, kèm những lỗi hay gặp.</p>"
                    ),
                ),
                ("heading", {"text": "Giao việc rõ người, rõ việc", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Ngay sau khi kế hoạch được ký, cơ quan nên phổ biến tới các phòng, "
                        "đơn vị và giao việc bằng văn bản hoặc qua hệ thống quản lý văn bản và "
                        "điều hành. Mỗi nhiệm vụ chỉ có một đơn vị chủ trì; trong đơn vị chủ trì, "
                        "nên chỉ định người trực tiếp theo dõi. Với UBND cấp huyện, nhiều nhiệm "
                        "vụ cần giao tiếp xuống UBND cấp xã; hãy ghi rõ sản phẩm cấp xã phải nộp "
                        "và thời hạn nộp.</p>"
                    ),
                ),
                ("heading", {"text": "Theo dõi tiến độ hằng tháng", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Công chức tham mưu cải cách hành chính nên lập một bảng theo dõi dựa "
                        "trên chính bảng nhiệm vụ của kế hoạch, thêm các cột: tình trạng (chưa "
                        "triển khai, đang thực hiện, hoàn thành, chậm), ngày hoàn thành thực tế, "
                        "số và ngày của văn bản là sản phẩm, nơi lưu tài liệu kiểm chứng. Cập "
                        "nhật bảng ít nhất mỗi tháng một lần và báo cáo lãnh đạo những nhiệm vụ "
                        "có nguy cơ chậm, kèm đề xuất cách xử lý.</p>"
                    ),
                ),
                ("heading", {"text": "Lưu tài liệu kiểm chứng ngay khi xong việc", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Khi xác định Chỉ số CCHC, tỉnh tự đánh giá, chấm điểm và phải gửi kèm "
                        "tài liệu kiểm chứng; Bộ Nội vụ thẩm định để công nhận hoặc điều chỉnh "
                        "điểm tự đánh giá. Từ kỳ đánh giá năm 2017, Chỉ số được xác định theo "
                        "Quyết định số 2948/QĐ-BNV. Vì vậy, mỗi nhiệm vụ hoàn thành cần có bằng "
                        "chứng đi kèm: văn bản đã ký, biên bản, danh sách, ảnh chụp màn hình hệ "
                        "thống. Lưu theo lĩnh vực ngay khi xong việc sẽ tiết kiệm rất nhiều thời "
                        "gian khi tỉnh đề nghị cung cấp.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (từ kỳ đánh giá năm 2017)"
                        ),
                        "document_number": "2948/QĐ-BNV",
                        "issued_on": "2017-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Đề án xác định Chỉ số cải cách hành chính áp dụng từ kỳ đánh giá "
                            "năm 2017; chi tiết về quy trình và thang điểm ở Chuyên đề 4.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Kiểm tra công tác cải cách hành chính", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Kiểm tra giúp phát hiện sớm những việc làm chưa đến nơi và tạo áp lực "
                        "tích cực. Ở cấp sở, kiểm tra hướng vào các phòng, đơn vị trực thuộc; ở "
                        "cấp huyện, vào các phòng chuyên môn và UBND cấp xã. Một đợt kiểm tra có "
                        "kết quả cần:</p><ol><li>Có kế hoạch kiểm tra nêu rõ đối tượng, nội dung, "
                        "thời gian và thành phần đoàn.</li><li>Chọn nội dung trọng tâm, ví dụ: "
                        "công khai thủ tục hành chính, giải quyết hồ sơ đúng hạn, chấp hành kỷ "
                        "luật, kỷ cương hành chính.</li><li>Lập biên bản, có kết luận và kiến "
                        "nghị cụ thể.</li><li>Theo dõi việc khắc phục sau kiểm tra và phản ánh "
                        "vào báo cáo kỳ sau.</li></ol>"
                    ),
                ),
                ("heading", {"text": "Điều chỉnh kế hoạch khi cần", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Trong năm có thể phát sinh nhiệm vụ mới do tỉnh giao, hoặc có nhiệm "
                        "vụ không còn phù hợp. Khi đó nên điều chỉnh, bổ sung kế hoạch bằng văn "
                        "bản, thay vì để nhiệm vụ lặng lẽ biến khỏi danh sách. Cuối năm, việc "
                        "giải trình trong báo cáo sẽ rõ ràng hơn nhiều.</p>"
                    ),
                ),
                ("heading", {"text": "Những lỗi thường gặp", "level": "h2"}),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Lỗi thường gặp và cách tránh",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Sao chép nguyên văn kế hoạch của tỉnh: hãy chọn các nhiệm vụ "
                            "thuộc phạm vi của cơ quan và cụ thể hóa chúng.</li><li>Nhiệm vụ "
                            "chung chung, không có sản phẩm: mỗi nhiệm vụ cần trả lời được “xong "
                            "thì có gì”.</li><li>Thời hạn “cả năm” hoặc “thường xuyên” cho mọi "
                            "việc: đặt mốc theo quý cho những việc có sản phẩm.</li><li>Không dự "
                            "trù kinh phí: việc cần tiền phải có nguồn.</li><li>Không lưu tài "
                            "liệu kiểm chứng: đến kỳ chấm điểm không chứng minh được kết "
                            "quả.</li><li>Báo cáo không khớp kế hoạch: dùng chính bảng nhiệm vụ "
                            "làm khung báo cáo.</li></ul>"
                        ),
                    },
                ),
            ],
        },
    ],
    "slides": [
        {
            "title": "Lập kế hoạch và tổ chức thực hiện kế hoạch CCHC",
            "bullets": [
                "Căn cứ xây dựng kế hoạch năm",
                "Nội dung và bảng nhiệm vụ",
                "Giao việc, theo dõi, kiểm tra",
            ],
            "notes": (
                "Chuyên đề hướng dẫn cách biến định hướng chung thành kế hoạch năm của cơ quan, "
                "đơn vị."
            ),
        },
        {
            "title": "Hệ thống kế hoạch",
            "bullets": [
                "Nghị quyết 30c/NQ-CP: khung 2011–2020",
                "Quyết định 225/QĐ-TTg: kế hoạch 2016–2020",
                "Kế hoạch của tỉnh → kế hoạch của sở, huyện",
            ],
            "notes": "Mỗi cấp cụ thể hóa cấp trên, không sao chép cấp trên.",
        },
        {
            "title": "Căn cứ cần thu thập",
            "bullets": [
                "Văn bản của tỉnh; chức năng, nhiệm vụ của cơ quan",
                "Tồn tại năm trước; kết quả Chỉ số CCHC",
                "Phản ánh của người dân, doanh nghiệp; nguồn lực",
            ],
            "notes": (
                "Gom đủ căn cứ trước khi viết giúp kế hoạch sát thực tế và dễ bảo vệ trước lãnh "
                "đạo."
            ),
        },
        {
            "title": "Bố cục kế hoạch",
            "bullets": [
                "Mục đích, yêu cầu; mục tiêu",
                "Nhiệm vụ theo sáu lĩnh vực",
                "Kinh phí; tổ chức thực hiện; phụ lục",
            ],
            "notes": "Khi tỉnh có mẫu riêng, theo mẫu của tỉnh.",
        },
        {
            "title": "Một dòng nhiệm vụ đầy đủ",
            "bullets": [
                "Việc gì, sản phẩm gì",
                "Ai chủ trì, ai phối hợp",
                "Khi nào xong, kinh phí từ đâu",
            ],
            "notes": "Bảng nhiệm vụ được dùng cả năm để giao việc, theo dõi và báo cáo.",
        },
        {
            "title": "Theo dõi và kiểm tra",
            "bullets": [
                "Bảng theo dõi cập nhật hằng tháng",
                "Lưu tài liệu kiểm chứng ngay khi xong việc",
                "Kiểm tra có kết luận và theo dõi khắc phục",
            ],
            "notes": (
                "Tài liệu kiểm chứng là căn cứ khi tự đánh giá Chỉ số CCHC và khi Bộ Nội vụ thẩm "
                "định."
            ),
        },
        {
            "title": "Lỗi thường gặp",
            "bullets": [
                "Sao chép nguyên văn kế hoạch của tỉnh",
                "Nhiệm vụ chung chung, không có sản phẩm",
                "Hạn “cả năm”, không có kinh phí",
                "Không điều chỉnh khi tình hình thay đổi",
            ],
            "notes": "Mỗi lỗi đều có cách tránh đơn giản; xem khung cuối Bài học 3.",
        },
    ],
    "deck_title": "Lập kế hoạch cải cách hành chính",
    "deck_lesson": 0,
    "quiz": {
        "title": "Bài kiểm tra chuyên đề 2: Lập kế hoạch và tổ chức thực hiện kế hoạch CCHC",
        "slug": "bai-kiem-tra",
        "intro": (
            "Bài kiểm tra về căn cứ, nội dung và cách tổ chức thực hiện kế hoạch cải cách hành "
            "chính năm. Điểm đạt là 70%."
        ),
        "pass_mark": 70,
        "questions": [
            {
                "text": (
                    "Kế hoạch cải cách hành chính năm 2017 của một sở cần bám theo kế hoạch cấp "
                    "quốc gia nào cho giai đoạn 2016–2020?"
                ),
                "kind": "single",
                "area": "Kế hoạch CCHC",
                "choices": [
                    (
                        "Quyết định 225/QĐ-TTg ngày 04/02/2016",
                        True,
                        "Đúng: Kế hoạch CCHC nhà nước 2016–2020.",
                    ),
                    (
                        "Quyết định 136/2001/QĐ-TTg ngày 17/9/2001",
                        False,
                        "Đây là chương trình 2001–2010.",
                    ),
                    (
                        "Nghị quyết 19/NQ-CP ngày 12/3/2015",
                        False,
                        "Nghị quyết này về môi trường kinh doanh.",
                    ),
                    (
                        "Quyết định 2948/QĐ-BNV ngày 28/12/2017",
                        False,
                        "Quyết định này về Chỉ số CCHC.",
                    ),
                ],
                "explanation": (
                    "Theo Quyết định 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ phê duyệt "
                    "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020."
                ),
            },
            {
                "text": (
                    "Khi xếp nhiệm vụ theo sáu lĩnh vực của Chương trình tổng thể, những mục nào "
                    "dưới đây là lĩnh vực cải cách? (Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Kế hoạch CCHC",
                "choices": [
                    (
                        "Cải cách tổ chức bộ máy hành chính nhà nước",
                        True,
                        "Đúng: lĩnh vực thứ ba.",
                    ),
                    (
                        "Xây dựng, nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
                        True,
                        "Đúng: lĩnh vực thứ tư.",
                    ),
                    ("Cải cách tài chính công", True, "Đúng: lĩnh vực thứ năm."),
                    (
                        "Công tác chỉ đạo, điều hành cải cách hành chính",
                        False,
                        (
                            "Đây là lĩnh vực 1 của Chỉ số CCHC; trong kế hoạch nên để thành nhóm "
                            "nhiệm vụ riêng."
                        ),
                    ),
                    (
                        "Phát triển kinh tế – xã hội",
                        False,
                        "Không phải một lĩnh vực của Chương trình.",
                    ),
                ],
                "explanation": (
                    "Theo Nghị quyết 30c/NQ-CP ngày 08/11/2011, sáu lĩnh vực là: thể chế; thủ tục "
                    "hành chính; tổ chức bộ máy; đội ngũ cán bộ, công chức, viên chức; tài chính "
                    "công; hiện đại hóa."
                ),
            },
            {
                "text": (
                    "Vì tỉnh phải gửi tài liệu kiểm chứng kèm điểm tự đánh giá Chỉ số CCHC, mỗi "
                    "nhiệm vụ trong kế hoạch nên được lưu bằng chứng ngay khi hoàn thành."
                ),
                "kind": "true_false",
                "area": "Kế hoạch CCHC",
                "choices": [
                    (
                        "Đúng",
                        True,
                        "Chính xác: điểm không có kiểm chứng khó được công nhận khi thẩm định.",
                    ),
                    (
                        "Sai",
                        False,
                        (
                            "Chưa đúng: tự đánh giá phải kèm tài liệu kiểm chứng để Bộ Nội vụ "
                            "thẩm định."
                        ),
                    ),
                ],
                "explanation": (
                    "Theo quy trình xác định Chỉ số CCHC cấp tỉnh của Bộ Nội vụ (Chuyên đề 4; từ "
                    "kỳ đánh giá năm 2017 theo Quyết định 2948/QĐ-BNV ngày 28/12/2017): tỉnh tự "
                    "đánh giá, chấm điểm kèm tài liệu kiểm chứng; Bộ Nội vụ thẩm định."
                ),
            },
            {
                "text": (
                    "Nhiệm vụ hiện đại hóa hành chính (dịch vụ công trực tuyến, xử lý hồ sơ trên "
                    "môi trường mạng) trong kế hoạch 2016–2020 gắn với nghị quyết nào của Chính "
                    "phủ?"
                ),
                "kind": "single",
                "area": "Hiện đại hóa hành chính",
                "choices": [
                    (
                        "Nghị quyết 36a/NQ-CP ngày 14/10/2015 về Chính phủ điện tử",
                        True,
                        "Đúng: một căn cứ của Quyết định 225/QĐ-TTg.",
                    ),
                    (
                        "Nghị quyết 19/NQ-CP ngày 12/3/2015",
                        False,
                        "Nghị quyết này về môi trường kinh doanh.",
                    ),
                    (
                        "Nghị quyết 76/NQ-CP ngày 13/6/2013",
                        False,
                        "Nghị quyết này sửa đổi, bổ sung Nghị quyết 30c.",
                    ),
                    (
                        "Nghị định 09/2019/NĐ-CP ngày 24/01/2019",
                        False,
                        "Nghị định này về chế độ báo cáo.",
                    ),
                ],
                "explanation": (
                    "Quyết định 225/QĐ-TTg ngày 04/02/2016 lấy Nghị quyết 36a/NQ-CP ngày "
                    "14/10/2015 về Chính phủ điện tử làm một trong các căn cứ."
                ),
            },
            {
                "text": (
                    "Mục tiêu nào dưới đây vừa đo được, vừa gắn với một chỉ tiêu của Kế hoạch cải "
                    "cách hành chính 2016–2020?"
                ),
                "kind": "single",
                "area": "Kế hoạch CCHC",
                "choices": [
                    (
                        (
                            "Đo và nâng mức hài lòng của người dân về giải quyết thủ tục, hướng "
                            "tới trên 80%"
                        ),
                        True,
                        "Đúng: có con số và gắn với chỉ tiêu trên 80% vào năm 2020.",
                    ),
                    (
                        "Tăng cường, đẩy mạnh cải cách hành chính",
                        False,
                        "Quá chung, không đo được.",
                    ),
                    (
                        "Nâng cao nhận thức về cải cách hành chính",
                        False,
                        "Không có thước đo kèm theo.",
                    ),
                    (
                        "Thực hiện tốt các nhiệm vụ cấp trên giao",
                        False,
                        "Không nêu rõ kết quả cần đạt.",
                    ),
                ],
                "explanation": (
                    "Quyết định 225/QĐ-TTg ngày 04/02/2016 đặt chỉ tiêu mức độ hài lòng của người "
                    "dân về giải quyết thủ tục hành chính trên 80% vào năm 2020."
                ),
            },
            {
                "text": (
                    "Theo Quyết định 2948/QĐ-BNV, lĩnh vực “Công tác chỉ đạo, điều hành cải cách "
                    "hành chính” của Chỉ số CCHC cấp tỉnh có điểm tối đa là 10."
                ),
                "kind": "true_false",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("Đúng", True, "Chính xác: lĩnh vực 1 có điểm tối đa 10."),
                    ("Sai", False, "Chưa đúng: điểm tối đa của lĩnh vực 1 là 10."),
                ],
                "explanation": (
                    "Theo Quyết định 2948/QĐ-BNV ngày 28/12/2017, lĩnh vực 1 (chỉ đạo, điều hành "
                    "cải cách hành chính) có điểm tối đa 10 trên tổng 100 điểm."
                ),
            },
            {
                "text": (
                    "Một dòng trong bảng nhiệm vụ của kế hoạch cải cách hành chính năm nên có "
                    "những thông tin nào? (Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Kế hoạch CCHC",
                "choices": [
                    ("Sản phẩm đầu ra", True, "Đúng: để biết khi nào việc được coi là xong."),
                    ("Đơn vị chủ trì", True, "Đúng: mỗi nhiệm vụ có một đơn vị chủ trì."),
                    ("Thời gian hoàn thành", True, "Đúng: để theo dõi tiến độ."),
                    (
                        "Họ tên người ký kế hoạch",
                        False,
                        "Thông tin này nằm ở phần ký, không ở từng dòng.",
                    ),
                ],
                "explanation": (
                    "Cách làm được khuyến nghị trong Bài học 2: mỗi nhiệm vụ thuộc một trong sáu "
                    "lĩnh vực của Nghị quyết 30c/NQ-CP, có sản phẩm, đơn vị chủ trì, phối hợp, "
                    "thời hạn và kinh phí."
                ),
            },
        ],
    },
}


# Chuyên đề 3: Xây dựng báo cáo cải cách hành chính
MODULE_REPORTING = {
    "title": "Xây dựng báo cáo cải cách hành chính",
    "slug": "xay-dung-bao-cao-cai-cach-hanh-chinh",
    "summary": (
        "Chế độ báo cáo cải cách hành chính, kỳ báo cáo và thời hạn, cách viết báo cáo có số "
        "liệu, minh chứng và kiến nghị cụ thể."
    ),
    "description_html": (
        "<p>Chuyên đề dựa trên phần hướng dẫn xây dựng báo cáo tại Hội nghị tập huấn ngày "
        "31/8/2017. Phần thời hạn và mốc lấy số liệu được cập nhật theo Văn bản 581/BNV-CCHC của "
        "Bộ Nội vụ, ban hành sau Nghị định 09/2019/NĐ-CP, tức sau Hội nghị; Khóa học nêu rõ điều "
        "này ở từng chỗ liên quan.</p>"
    ),
    "estimated_minutes": 90,
    "trainer": "do-quy-tien",
    "lessons": [
        {
            "title": "Chế độ báo cáo cải cách hành chính",
            "slug": "che-do-bao-cao-cai-cach-hanh-chinh",
            "summary": (
                "Báo cáo cải cách hành chính đi từ cơ quan, đơn vị lên tỉnh, Bộ Nội vụ và Chính "
                "phủ; các loại báo cáo và cách phân công trong cơ quan."
            ),
            "estimated_minutes": 20,
            "tags": ["báo cáo CCHC", "chế độ báo cáo"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Báo cáo cải cách hành chính là kênh để cấp trên biết việc gì đã làm, "
                        "làm đến đâu và vướng ở đâu. Báo cáo của mỗi sở, mỗi UBND cấp huyện là dữ "
                        "liệu để tỉnh tổng hợp báo cáo Bộ Nội vụ; từ báo cáo của các bộ, ngành và "
                        "địa phương, Bộ Nội vụ tổng hợp báo cáo Chính phủ. Một báo cáo thiếu hoặc "
                        "chậm ở một cơ quan sẽ làm khuyết bức tranh chung của cả tỉnh.</p>"
                    ),
                ),
                ("heading", {"text": "Báo cáo đi từ đâu đến đâu", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Bộ Nội vụ là cơ quan thường trực về cải cách hành chính của Chính "
                        "phủ. Bộ theo dõi việc thực hiện Chương trình tổng thể và Kế hoạch cải "
                        "cách hành chính giai đoạn 2016–2020 tại các bộ, ngành, địa phương, và "
                        "báo cáo Chính phủ về tiến độ, kết quả theo <b>quý, 6 tháng và "
                        "năm</b>.</p><p>Trong phạm vi tỉnh, các sở, ban, ngành và UBND cấp huyện "
                        "báo cáo UBND tỉnh theo quy định, hướng dẫn của tỉnh; đầu mối tổng hợp "
                        "thường là Sở Nội vụ. Thời hạn nội bộ của tỉnh luôn sớm hơn thời hạn tỉnh "
                        "gửi Bộ Nội vụ, để còn thời gian tổng hợp, đối chiếu số liệu.</p>"
                    ),
                ),
                ("heading", {"text": "Một ví dụ: báo cáo năm 2016 của Bộ Nội vụ", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Báo cáo số 6044/BC-BNV ngày 20/12/2016 của Bộ Nội vụ tổng hợp kết quả "
                        "cải cách hành chính năm 2016 từ báo cáo của 25 trên 30 bộ, cơ quan ở "
                        "trung ương và 60 trên 63 tỉnh, thành phố trực thuộc Trung ương nhận được "
                        "đến ngày 19/12/2016. Nói cách khác, chỉ một ngày trước khi báo cáo được "
                        "ký, vẫn còn năm cơ quan trung ương và ba địa phương chưa gửi báo cáo. "
                        "Kết quả của những nơi đó khó được phản ánh đầy đủ trong báo cáo chung "
                        "trình Chính phủ.</p><p>Bài học rút ra cho cấp sở, cấp huyện cũng vậy: "
                        "báo cáo đến muộn thì kết quả của cơ quan mình dễ bị bỏ sót trong báo cáo "
                        "của tỉnh, dù công việc thực tế đã làm tốt.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Báo cáo kết quả cải cách hành chính năm 2016",
                        "document_number": "6044/BC-BNV",
                        "issued_on": "2016-12-20",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Báo cáo của Bộ Nội vụ tổng hợp kết quả cải cách hành chính năm "
                            "2016, trên cơ sở báo cáo của 25/30 bộ, cơ quan ở trung ương và 60/63 "
                            "tỉnh, thành phố gửi đến ngày 19/12/2016.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Các loại báo cáo", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li><b>Báo cáo định kỳ</b>: theo quý, 6 tháng, năm, với nội dung và "
                        "thời hạn theo hướng dẫn của Bộ Nội vụ và của tỉnh (xem Bài học tiếp "
                        "theo).</li><li><b>Báo cáo chuyên đề</b>: về một lĩnh vực hoặc một nhiệm "
                        "vụ cụ thể, khi cơ quan cấp trên yêu cầu.</li><li><b>Báo cáo đột "
                        "xuất</b>: theo yêu cầu phát sinh, thường có thời hạn "
                        "ngắn.</li><li><b>Báo cáo tự đánh giá Chỉ số CCHC</b>: kèm tài liệu kiểm "
                        "chứng, phục vụ việc xác định Chỉ số CCHC (Chuyên đề 4).</li></ul>"
                    ),
                ),
                ("heading", {"text": "Phân công trong cơ quan", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Báo cáo tốt cần được làm như một nhiệm vụ có quy trình, không dồn vào "
                        "vài ngày cuối. Gợi ý phân công tại một sở hoặc UBND cấp "
                        "huyện:</p><ol><li>Công chức tham mưu cải cách hành chính (thường thuộc "
                        "Văn phòng sở hoặc Phòng Nội vụ cấp huyện) chuẩn bị đề cương, gửi các "
                        "phòng, đơn vị kèm thời hạn nộp số liệu.</li><li>Các phòng, đơn vị cung "
                        "cấp số liệu và minh chứng theo đúng lĩnh vực được phân "
                        "công.</li><li>Công chức tham mưu tổng hợp, đối chiếu với kế hoạch năm và "
                        "với báo cáo kỳ trước.</li><li>Lãnh đạo phụ trách cho ý kiến; thủ trưởng "
                        "ký ban hành; văn bản được gửi đúng hạn, đúng kênh.</li></ol>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Điểm chính",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Bộ Nội vụ báo cáo Chính phủ về cải cách hành chính theo quý, "
                            "6 tháng và năm.</li><li>Báo cáo của sở, huyện là đầu vào của báo cáo "
                            "tỉnh; nộp muộn dễ bị bỏ sót.</li><li>Ví dụ: Báo cáo 6044/BC-BNV ngày "
                            "20/12/2016 chỉ tổng hợp được 60/63 tỉnh, thành phố.</li></ul>"
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Kỳ báo cáo, thời hạn gửi và thời điểm lấy số liệu",
            "slug": "ky-bao-cao-thoi-han-so-lieu",
            "summary": (
                "Quy định hiện hành theo Văn bản 581/BNV-CCHC (ban hành sau Nghị định "
                "09/2019/NĐ-CP, tức sau Hội nghị năm 2017): bốn kỳ báo cáo, thời hạn ngày 20 và "
                "mốc chốt số liệu."
            ),
            "estimated_minutes": 20,
            "tags": ["báo cáo CCHC", "thời hạn báo cáo", "Văn bản 581/BNV-CCHC"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Bài học này trình bày quy định hiện hành về kỳ báo cáo, thời hạn gửi "
                        "và thời điểm lấy số liệu. <b>Lưu ý:</b> các quy định dưới đây nằm trong "
                        "Văn bản số 581/BNV-CCHC của Bộ Nội vụ, ban hành sau Nghị định số "
                        "09/2019/NĐ-CP, nghĩa là sau Hội nghị tập huấn ngày 31/8/2017. Khóa học "
                        "giới thiệu đây là quy định đang áp dụng để học viên thực hiện, không "
                        "phải nội dung đã được giảng tại Hội nghị năm 2017.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Chế độ báo cáo của cơ quan hành chính nhà nước",
                        "document_number": "09/2019/NĐ-CP",
                        "issued_on": "2019-01-24",
                        "issuing_body": "Chính phủ",
                        "body": (
                            "<p>Nghị định của Chính phủ quy định chế độ báo cáo của cơ quan hành "
                            "chính nhà nước. Hướng dẫn của Bộ Nội vụ về báo cáo cải cách hành "
                            "chính định kỳ được ban hành sau Nghị định này.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Văn bản số 581/BNV-CCHC của Bộ Nội vụ",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<p>Hướng dẫn chế độ báo cáo cải cách hành chính định kỳ, ban hành "
                            "sau Nghị định số 09/2019/NĐ-CP. Tài liệu nguồn của Khóa học chưa ghi "
                            "ngày ban hành; khi viện dẫn trong văn bản chính thức, hãy ghi đủ số "
                            "và ngày theo bản gốc.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Bốn kỳ báo cáo định kỳ", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Theo Văn bản số 581/BNV-CCHC, các bộ, ngành và tỉnh, thành phố lập "
                        "bốn báo cáo cải cách hành chính định kỳ mỗi năm gửi Bộ Nội vụ, phục vụ "
                        "phiên họp thường kỳ của Chính phủ: <b>báo cáo quý I, báo cáo 6 tháng, "
                        "báo cáo quý III và báo cáo năm</b>. Không có báo cáo riêng cho quý II và "
                        "quý IV, vì kết quả của hai quý này nằm trong báo cáo 6 tháng và báo cáo "
                        "năm.</p>"
                    ),
                ),
                ("heading", {"text": "Thời điểm lấy số liệu và thời hạn gửi", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Thời hạn gửi báo cáo là <b>ngày 20 của tháng cuối kỳ</b>. Số liệu "
                        "được chốt trước đó mấy ngày, theo các mốc sau:</p><ul><li><b>Quý I</b>: "
                        "số liệu từ ngày 15/12 năm trước đến ngày 14/3; gửi chậm nhất ngày "
                        "20/3.</li><li><b>6 tháng</b>: từ ngày 15/12 năm trước đến ngày 14/6; gửi "
                        "chậm nhất ngày 20/6.</li><li><b>Quý III</b>: từ ngày 15/6 đến ngày 14/9; "
                        "gửi chậm nhất ngày 20/9.</li><li><b>Năm</b>: từ ngày 15/12 năm trước đến "
                        "ngày 14/12; gửi chậm nhất ngày 20/12.</li></ul><p>Cần chú ý: kỳ báo cáo "
                        "năm không trùng với năm dương lịch. Những việc hoàn thành trong nửa cuối "
                        "tháng 12 được tính vào kỳ báo cáo của năm sau.</p>"
                    ),
                ),
                ("heading", {"text": "Cách gửi báo cáo", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Gửi văn bản báo cáo qua <b>Trục liên thông văn bản quốc "
                        "gia</b>.</li><li>Nhập số liệu vào <b>phần mềm báo cáo cải cách hành "
                        "chính của Bộ Nội vụ</b>.</li><li>Dùng đúng các biểu mẫu kèm theo hướng "
                        "dẫn: <b>2 phụ lục và 2 đề cương</b>; không tự ý thêm, bớt mục.</li></ul>"
                    ),
                ),
                ("heading", {"text": "Áp dụng ở sở và UBND cấp huyện", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Các mốc trên là thời hạn tỉnh gửi Bộ Nội vụ. Để kịp tổng hợp, UBND "
                        "tỉnh hoặc Sở Nội vụ sẽ đặt thời hạn sớm hơn cho các sở và UBND cấp "
                        "huyện; hãy theo đúng văn bản hướng dẫn của tỉnh. Cách làm hiệu quả là "
                        "tính ngược từ thời hạn của tỉnh: trừ thời gian lãnh đạo duyệt, ký; trừ "
                        "thời gian tổng hợp; từ đó đặt hạn nộp số liệu cho các phòng, đơn vị. Trừ "
                        "khi tỉnh hướng dẫn khác, nên dùng cùng mốc chốt số liệu như trên để số "
                        "liệu của cơ quan khớp với số liệu của tỉnh.</p>"
                    ),
                ),
                ("heading", {"text": "Quy định chung của ngành Nội vụ", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Ngoài hướng dẫn riêng về báo cáo cải cách hành chính, Bộ Nội vụ còn "
                        "ban hành Thông tư số 07/2021/TT-BNV ngày 31/12/2021 quy định chế độ báo "
                        "cáo của ngành Nội vụ. Văn bản này cũng ra đời sau Hội nghị năm 2017; "
                        "công chức làm công tác tổng hợp ở Sở Nội vụ và Phòng Nội vụ cấp huyện "
                        "nên nắm cả hai.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": "Chế độ báo cáo ngành Nội vụ",
                        "document_number": "07/2021/TT-BNV",
                        "issued_on": "2021-12-31",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Thông tư của Bộ Nội vụ quy định chế độ báo cáo của ngành Nội vụ; "
                            "ban hành sau Hội nghị năm 2017.</p>"
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Viết báo cáo cải cách hành chính có chất lượng",
            "slug": "viet-bao-cao-co-chat-luong",
            "summary": (
                "Kết quả theo từng lĩnh vực có số liệu, minh chứng, hạn chế và nguyên nhân, đề "
                "xuất đúng địa chỉ; danh mục tự kiểm tra trước khi trình ký."
            ),
            "estimated_minutes": 20,
            "tags": ["báo cáo CCHC", "kỹ năng viết báo cáo"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Đề cương chi tiết của báo cáo cải cách hành chính định kỳ được gửi "
                        "kèm Văn bản số 581/BNV-CCHC; khi viết, hãy dùng đúng đề cương đó hoặc đề "
                        "cương do tỉnh hướng dẫn. Bài học này không chép lại tên các mục của đề "
                        "cương, mà tập trung vào những điều làm nên chất lượng của một báo cáo: "
                        "số liệu, minh chứng, đánh giá thẳng thắn và đề xuất cụ thể.</p>"
                    ),
                ),
                ("heading", {"text": "Năm câu hỏi một báo cáo phải trả lời", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Dù đề cương trình bày theo cách nào, một báo cáo cải cách hành chính "
                        "tốt luôn trả lời được năm câu hỏi:</p><ol><li>Cơ quan đã chỉ đạo, điều "
                        "hành cải cách hành chính ra sao (kế hoạch, kiểm tra, tuyên "
                        "truyền)?</li><li>Kết quả của từng lĩnh vực cải cách là gì, so với kế "
                        "hoạch đạt đến đâu?</li><li>Còn hạn chế gì, vì sao?</li><li>Kỳ tới sẽ làm "
                        "gì để khắc phục?</li><li>Cần cấp trên hỗ trợ, tháo gỡ điều gì?</li></ol>"
                    ),
                ),
                ("heading", {"text": "Kết quả phải có số liệu", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Câu chữ chung chung làm báo cáo dài mà không thêm thông tin. So sánh "
                        "hai cách viết về cùng một kết quả (số liệu giả định):</p><ul><li><i>Chưa "
                        "tốt:</i> Công tác giải quyết thủ tục hành chính được quan tâm, đạt nhiều "
                        "kết quả tích cực.</li><li><i>Tốt hơn:</i> Trong kỳ, bộ phận một cửa của "
                        "huyện tiếp nhận 1.250 hồ sơ, đã giải quyết 1.230 hồ sơ, trong đó 1.198 "
                        "hồ sơ đúng hạn (97,4%); 32 hồ sơ quá hạn đều thuộc lĩnh vực đất đai, chủ "
                        "yếu do phải xác minh nguồn gốc sử dụng đất.</li></ul><p>Mỗi lĩnh vực nên "
                        "có vài con số: số văn bản đã rà soát, số thủ tục đã công khai, tỷ lệ hồ "
                        "sơ đúng hạn, số công chức được bồi dưỡng, số dịch vụ công trực tuyến có "
                        "phát sinh hồ sơ… Khi có thể, so sánh với cùng kỳ năm trước hoặc với chỉ "
                        "tiêu trong kế hoạch.</p>"
                    ),
                ),
                ("heading", {"text": "Minh chứng và tính nhất quán", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Mỗi con số trong báo cáo phải truy ngược được về nguồn: văn bản, sổ "
                        "theo dõi, dữ liệu từ hệ thống một cửa điện tử. Số liệu trong phần lời "
                        "phải khớp với phụ lục, và khớp với số liệu cơ quan đã nhập vào phần mềm "
                        "báo cáo. Thói quen lưu minh chứng theo lĩnh vực (Chuyên đề 2) phát huy "
                        "tác dụng ở đây, và một lần nữa khi tỉnh tự đánh giá Chỉ số CCHC.</p>"
                    ),
                ),
                ("heading", {"text": "Nêu hạn chế và nguyên nhân thẳng thắn", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Phần hạn chế thường bị viết qua loa vì ngại. Thế nhưng, một hạn chế "
                        "được nêu cụ thể, kèm nguyên nhân rõ ràng, lại là cơ sở để cấp trên hỗ "
                        "trợ. Nên tách nguyên nhân khách quan (chính sách thay đổi, thiếu kinh "
                        "phí, hạ tầng chưa đáp ứng) và nguyên nhân chủ quan (phân công chưa rõ, "
                        "công chức chưa nắm quy trình, kiểm tra chưa sát). Mỗi hạn chế nên có một "
                        "nhiệm vụ khắc phục tương ứng trong phần phương hướng kỳ tới.</p>"
                    ),
                ),
                ("heading", {"text": "Đề xuất, kiến nghị đúng địa chỉ", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Kiến nghị tốt nêu rõ: vấn đề gì, đề nghị cơ quan nào, làm việc gì. "
                        "Tránh kiến nghị chung chung như “đề nghị cấp trên quan tâm hỗ trợ”. Việc "
                        "thuộc thẩm quyền của chính cơ quan thì đưa vào nhiệm vụ kỳ tới, không "
                        "đưa vào kiến nghị.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Tự kiểm tra trước khi trình ký",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Đúng kỳ, đúng mốc chốt số liệu, đúng đề cương và phụ "
                            "lục.</li><li>Đủ sáu lĩnh vực, lĩnh vực nào cũng có số "
                            "liệu.</li><li>Số liệu trong phần lời khớp với phụ lục và phần mềm "
                            "báo cáo.</li><li>Hạn chế có nguyên nhân; phương hướng có nhiệm vụ "
                            "khắc phục.</li><li>Kiến nghị nêu rõ cơ quan nhận và việc cần "
                            "làm.</li><li>Gửi trước thời hạn, qua đúng kênh.</li></ul>"
                        ),
                    },
                ),
            ],
        },
    ],
    "slides": [
        {
            "title": "Xây dựng báo cáo cải cách hành chính",
            "bullets": [
                "Chế độ báo cáo",
                "Kỳ báo cáo, thời hạn, thời điểm lấy số liệu",
                "Viết báo cáo có chất lượng",
            ],
            "notes": (
                "Chuyên đề kết hợp nội dung Hội nghị 2017 với quy định hiện hành về thời hạn báo "
                "cáo."
            ),
        },
        {
            "title": "Vì sao báo cáo quan trọng",
            "bullets": [
                "Bộ Nội vụ báo cáo Chính phủ theo quý, 6 tháng, năm",
                "Báo cáo của sở, huyện là đầu vào của báo cáo tỉnh",
                "Nộp muộn: kết quả dễ bị bỏ sót",
            ],
            "notes": "Một báo cáo chậm ở một cơ quan làm khuyết bức tranh chung của cả tỉnh.",
        },
        {
            "title": "Ví dụ: Báo cáo 6044/BC-BNV ngày 20/12/2016",
            "bullets": [
                "Tổng hợp từ 25/30 bộ, cơ quan ở trung ương",
                "và 60/63 tỉnh, thành phố (đến ngày 19/12/2016)",
            ],
            "notes": "Một ngày trước khi ký báo cáo, vẫn còn ba địa phương chưa gửi báo cáo.",
        },
        {
            "title": "Kỳ báo cáo hiện hành",
            "bullets": [
                "Quý I, 6 tháng, quý III và năm",
                "Hạn gửi: ngày 20 của tháng cuối kỳ",
                "Theo Văn bản 581/BNV-CCHC, ban hành sau 2019",
            ],
            "notes": (
                "Văn bản 581/BNV-CCHC ra đời sau Nghị định 09/2019/NĐ-CP, tức sau Hội nghị 2017; "
                "đây là quy định đang áp dụng."
            ),
        },
        {
            "title": "Thời điểm lấy số liệu",
            "bullets": [
                "Quý I: 15/12 năm trước – 14/3",
                "6 tháng: 15/12 năm trước – 14/6",
                "Quý III: 15/6 – 14/9",
                "Năm: 15/12 năm trước – 14/12",
            ],
            "notes": (
                "Kỳ báo cáo năm không trùng năm dương lịch; việc xong sau ngày 14/12 tính vào năm "
                "sau."
            ),
        },
        {
            "title": "Cách gửi báo cáo",
            "bullets": [
                "Qua Trục liên thông văn bản quốc gia",
                "Nhập số liệu vào phần mềm báo cáo của Bộ Nội vụ",
                "Kèm 2 phụ lục và 2 đề cương theo hướng dẫn",
            ],
            "notes": (
                "Thời hạn nội bộ của tỉnh sớm hơn; theo văn bản hướng dẫn của UBND tỉnh, Sở Nội vụ."
            ),
        },
        {
            "title": "Một báo cáo tốt",
            "bullets": [
                "Kết quả theo từng lĩnh vực, có số liệu",
                "Có minh chứng, khớp với phụ lục",
                "Hạn chế kèm nguyên nhân; kiến nghị cụ thể",
            ],
            "notes": "Dùng danh mục tự kiểm tra ở cuối Bài học 3 trước khi trình lãnh đạo ký.",
        },
    ],
    "deck_title": "Xây dựng báo cáo cải cách hành chính",
    "deck_lesson": 0,
    "quiz": {
        "title": "Bài kiểm tra chuyên đề 3: Xây dựng báo cáo cải cách hành chính",
        "slug": "bai-kiem-tra",
        "intro": (
            "Bài kiểm tra về chế độ báo cáo, kỳ báo cáo, thời hạn và cách gửi báo cáo cải cách "
            "hành chính. Điểm đạt là 70%."
        ),
        "pass_mark": 70,
        "questions": [
            {
                "text": (
                    "Bộ Nội vụ báo cáo Chính phủ về tiến độ, kết quả cải cách hành chính theo "
                    "những kỳ nào? (Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("Hằng quý", True, "Đúng."),
                    ("6 tháng", True, "Đúng."),
                    ("Hằng năm", True, "Đúng."),
                    ("Hằng tháng", False, "Không có kỳ báo cáo cải cách hành chính hằng tháng."),
                ],
                "explanation": (
                    "Bộ Nội vụ theo dõi việc thực hiện Nghị quyết 30c/NQ-CP và Quyết định "
                    "225/QĐ-TTg, báo cáo Chính phủ theo quý, 6 tháng và năm (ví dụ Báo cáo "
                    "6044/BC-BNV ngày 20/12/2016)."
                ),
            },
            {
                "text": (
                    "Theo Văn bản 581/BNV-CCHC, thời hạn gửi báo cáo cải cách hành chính định kỳ "
                    "là ngày nào?"
                ),
                "kind": "single",
                "area": "Báo cáo CCHC",
                "choices": [
                    (
                        "Ngày 20 của tháng cuối kỳ báo cáo",
                        True,
                        "Đúng: ví dụ báo cáo quý I gửi trước 20/3.",
                    ),
                    (
                        "Ngày 15 của tháng cuối kỳ báo cáo",
                        False,
                        "Ngày 15 là mốc bắt đầu lấy số liệu kỳ sau.",
                    ),
                    (
                        "Ngày cuối cùng của kỳ báo cáo",
                        False,
                        "Thời hạn sớm hơn: ngày 20 của tháng cuối kỳ.",
                    ),
                    ("Ngày 10 của tháng đầu kỳ sau", False, "Quá muộn so với hướng dẫn."),
                ],
                "explanation": (
                    "Theo Văn bản 581/BNV-CCHC của Bộ Nội vụ (ban hành sau Nghị định "
                    "09/2019/NĐ-CP): thời hạn gửi là ngày 20 của tháng cuối kỳ báo cáo."
                ),
            },
            {
                "text": (
                    "Theo Văn bản 581/BNV-CCHC, số liệu của báo cáo 6 tháng được lấy trong khoảng "
                    "thời gian nào?"
                ),
                "kind": "single",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("Từ 15/12 năm trước đến 14/6", True, "Đúng."),
                    ("Từ 01/01 đến 30/6", False, "Kỳ báo cáo không tính theo năm dương lịch."),
                    (
                        "Từ 15/12 năm trước đến 14/3",
                        False,
                        "Đây là khoảng lấy số liệu của báo cáo quý I.",
                    ),
                    ("Từ 15/6 đến 14/12", False, "Không có kỳ báo cáo này."),
                ],
                "explanation": (
                    "Theo Văn bản 581/BNV-CCHC: quý I 15/12–14/3; 6 tháng 15/12–14/6; quý III "
                    "15/6–14/9; năm 15/12–14/12."
                ),
            },
            {
                "text": (
                    "Văn bản 581/BNV-CCHC về chế độ báo cáo cải cách hành chính định kỳ đã được "
                    "phổ biến tại Hội nghị tập huấn ngày 31/8/2017."
                ),
                "kind": "true_false",
                "area": "Báo cáo CCHC",
                "choices": [
                    (
                        "Đúng",
                        False,
                        "Chưa đúng: văn bản này ban hành sau Nghị định 09/2019/NĐ-CP.",
                    ),
                    (
                        "Sai",
                        True,
                        "Chính xác: văn bản ra đời sau năm 2019, sau Hội nghị năm 2017.",
                    ),
                ],
                "explanation": (
                    "Văn bản 581/BNV-CCHC được ban hành sau Nghị định 09/2019/NĐ-CP ngày "
                    "24/01/2019, nên không thể là nội dung của Hội nghị năm 2017."
                ),
            },
            {
                "text": (
                    "Báo cáo 6044/BC-BNV ngày 20/12/2016 của Bộ Nội vụ tổng hợp kết quả năm 2016 "
                    "từ báo cáo của bao nhiêu tỉnh, thành phố trực thuộc Trung ương?"
                ),
                "kind": "single",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("60/63", True, "Đúng: ba địa phương chưa gửi báo cáo đến ngày 19/12/2016."),
                    ("63/63", False, "Chưa đủ: ba địa phương chưa gửi báo cáo kịp."),
                    ("25/63", False, "25 là số bộ, cơ quan trung ương (trên 30) đã gửi báo cáo."),
                    ("30/63", False, "30 là tổng số bộ, cơ quan ở trung ương."),
                ],
                "explanation": (
                    "Theo Báo cáo 6044/BC-BNV ngày 20/12/2016: 25/30 bộ, cơ quan ở trung ương và "
                    "60/63 tỉnh, thành phố đã gửi báo cáo đến ngày 19/12/2016."
                ),
            },
            {
                "text": (
                    "Theo Văn bản 581/BNV-CCHC, báo cáo cải cách hành chính định kỳ được gửi như "
                    "thế nào? (Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("Gửi văn bản qua Trục liên thông văn bản quốc gia", True, "Đúng."),
                    (
                        "Nhập số liệu vào phần mềm báo cáo cải cách hành chính của Bộ Nội vụ",
                        True,
                        "Đúng.",
                    ),
                    (
                        "Chỉ gửi bản giấy qua đường bưu điện",
                        False,
                        "Hướng dẫn yêu cầu gửi điện tử.",
                    ),
                    (
                        "Gửi qua thư điện tử cá nhân của công chức",
                        False,
                        "Không phải kênh được quy định.",
                    ),
                ],
                "explanation": (
                    "Theo Văn bản 581/BNV-CCHC: gửi qua Trục liên thông văn bản quốc gia và nhập "
                    "số liệu vào phần mềm báo cáo cải cách hành chính của Bộ Nội vụ."
                ),
            },
            {
                "text": (
                    "Văn bản nào của Chính phủ quy định chế độ báo cáo của cơ quan hành chính nhà "
                    "nước?"
                ),
                "kind": "single",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("Nghị định 09/2019/NĐ-CP ngày 24/01/2019", True, "Đúng."),
                    (
                        "Thông tư 07/2021/TT-BNV ngày 31/12/2021",
                        False,
                        "Thông tư của Bộ Nội vụ, cho ngành Nội vụ.",
                    ),
                    (
                        "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
                        False,
                        "Nghị quyết về Chương trình tổng thể.",
                    ),
                    (
                        "Quyết định 22/QĐ-BNV ngày 05/01/2018",
                        False,
                        "Kế hoạch xác định Chỉ số CCHC năm 2017.",
                    ),
                ],
                "explanation": (
                    "Nghị định 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo "
                    "cáo của cơ quan hành chính nhà nước."
                ),
            },
            {
                "text": "Hướng dẫn tại Văn bản 581/BNV-CCHC có kèm theo 2 phụ lục và 2 đề cương.",
                "kind": "true_false",
                "area": "Báo cáo CCHC",
                "choices": [
                    ("Đúng", True, "Chính xác: hãy dùng đúng các biểu mẫu kèm theo."),
                    ("Sai", False, "Chưa đúng: hướng dẫn có kèm 2 phụ lục và 2 đề cương."),
                ],
                "explanation": (
                    "Theo Văn bản 581/BNV-CCHC của Bộ Nội vụ, hướng dẫn báo cáo định kỳ có 2 phụ "
                    "lục và 2 đề cương kèm theo."
                ),
            },
        ],
    },
}


# Chuyên đề 4: Chỉ số cải cách hành chính cấp tỉnh
MODULE_PAR_INDEX = {
    "title": "Chỉ số cải cách hành chính cấp tỉnh",
    "slug": "chi-so-cai-cach-hanh-chinh-cap-tinh",
    "summary": (
        "Căn cứ pháp lý, quy trình đánh giá, phương pháp xác định và xếp hạng Chỉ số cải cách "
        "hành chính (PAR Index) cấp tỉnh."
    ),
    "description_html": (
        "<p>Hội nghị ngày 31/8/2017 dành nhiều thời gian phổ biến quy định về xác định Chỉ số cải "
        "cách hành chính cấp tỉnh: quy trình đánh giá, phương pháp xác định và xếp hạng. Hội nghị "
        "giảng theo Quyết định 4361/QĐ-BNV; Chuyên đề này trình bày cấu trúc và thang điểm theo "
        "Quyết định 2948/QĐ-BNV, căn cứ xác định Chỉ số từ kỳ đánh giá năm 2017, và luôn ghi rõ "
        "mỗi con số lấy theo quyết định nào.</p>"
    ),
    "estimated_minutes": 90,
    "trainer": "do-quy-tien",
    "lessons": [
        {
            "title": "Căn cứ pháp lý của Chỉ số cải cách hành chính cấp tỉnh",
            "slug": "can-cu-phap-ly-chi-so-cchc",
            "summary": (
                "Chỉ số CCHC là gì, được xác định theo những quyết định nào qua các năm, và vì "
                "sao kỳ đánh giá năm 2017 dùng Quyết định 2948/QĐ-BNV chứ không phải 4361/QĐ-BNV."
            ),
            "estimated_minutes": 15,
            "tags": ["Chỉ số CCHC", "PAR Index", "căn cứ pháp lý"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Chỉ số cải cách hành chính (Chỉ số CCHC, PAR Index) là công cụ Bộ Nội "
                        "vụ dùng để theo dõi, đánh giá hằng năm kết quả cải cách hành chính của "
                        "các bộ, cơ quan ngang bộ và UBND các tỉnh, thành phố trực thuộc Trung "
                        "ương. Chỉ số được tính lần đầu cho năm 2012 và được công bố hằng năm. "
                        "Phương pháp đã thay đổi qua nhiều văn bản, vì vậy điều đầu tiên cần nhớ "
                        "là: <b>mỗi con số gắn với một quyết định cụ thể</b>.</p>"
                    ),
                ),
                ("heading", {"text": "Chỉ số CCHC qua các quyết định", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li><b>Các năm 2012–2015</b>: Chỉ số được xác định theo phương pháp "
                        "Bộ Nội vụ áp dụng cho giai đoạn này; ở kỳ đánh giá năm 2014, chỉ số cấp "
                        "tỉnh gồm 8 lĩnh vực, 34 tiêu chí.</li><li><b>Quyết định số 4361/QĐ-BNV "
                        "ngày 28/12/2016</b> phê duyệt Đề án “Xác định Chỉ số cải cách hành chính "
                        "của các bộ, cơ quan ngang bộ, UBND tỉnh, thành phố trực thuộc Trung "
                        "ương”. Đây là căn cứ được phổ biến tại Hội nghị tập huấn ngày "
                        "31/8/2017.</li><li><b>Quyết định số 2948/QĐ-BNV ngày 28/12/2017</b> phê "
                        "duyệt Đề án xác định Chỉ số CCHC mới, áp dụng từ kỳ đánh giá năm 2017. "
                        "Tiếp đó, <b>Quyết định số 22/QĐ-BNV ngày 05/01/2018</b> ban hành Kế "
                        "hoạch triển khai xác định Chỉ số CCHC năm 2017.</li><li><b>Năm 2020</b>: "
                        "Bộ Nội vụ ban hành Quyết định số 1150/QĐ-BNV, theo đó chỉ số cấp tỉnh "
                        "gồm 8 lĩnh vực, 43 tiêu chí và 95 tiêu chí thành phần.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (áp dụng tại thời điểm Hội "
                            "nghị 2017)"
                        ),
                        "document_number": "4361/QĐ-BNV",
                        "issued_on": "2016-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan "
                            "ngang bộ, UBND tỉnh, thành phố trực thuộc Trung ương”; là nội dung "
                            "được phổ biến tại Hội nghị ngày 31/8/2017.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (từ kỳ đánh giá năm 2017)"
                        ),
                        "document_number": "2948/QĐ-BNV",
                        "issued_on": "2017-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Bộ Nội vụ phê duyệt Đề án xác định Chỉ số cải cách hành chính, áp "
                            "dụng từ kỳ đánh giá năm 2017. Cấu trúc lĩnh vực và thang điểm trong "
                            "Chuyên đề này lấy theo quyết định này.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Kế hoạch triển khai xác định Chỉ số cải cách hành chính năm 2017"
                        ),
                        "document_number": "22/QĐ-BNV",
                        "issued_on": "2018-01-05",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Kế hoạch triển khai xác định Chỉ số cải cách hành chính năm 2017 "
                            "của các bộ, ngành và địa phương.</p>"
                        ),
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p><b>Điểm dễ nhầm:</b> Hội nghị tháng 8/2017 giảng theo Quyết định số "
                        "4361/QĐ-BNV, nhưng khi Bộ Nội vụ thực sự đánh giá Chỉ số CCHC năm 2017 "
                        "(trong năm 2018) thì căn cứ là Quyết định số 2948/QĐ-BNV. Vì vậy, trong "
                        "Khóa học này, cấu trúc lĩnh vực và thang điểm được trình bày theo Quyết "
                        "định số 2948/QĐ-BNV; khi dùng tài liệu của Hội nghị năm 2017, học viên "
                        "cần đối chiếu lại.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Văn bản sau năm 2017 (để tham khảo)",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Quyết định số 1150/QĐ-BNV của Bộ Nội vụ (năm 2020): chỉ số "
                            "cấp tỉnh gồm 8 lĩnh vực, 43 tiêu chí, 95 tiêu chí thành "
                            "phần.</li><li>Khi tra cứu kết quả một năm bất kỳ, luôn xác định năm "
                            "đó áp dụng quyết định nào.</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Chỉ số để làm gì", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số CCHC chuyển những mục tiêu khá trừu tượng của Chương trình "
                        "tổng thể thành các tiêu chí có điểm số. Nhờ đó, mỗi tỉnh biết mình mạnh, "
                        "yếu ở lĩnh vực nào; Chính phủ có cơ sở để so sánh giữa các địa phương; "
                        "người dân, doanh nghiệp có thêm kênh để đánh giá chính quyền qua điều "
                        "tra xã hội học. Việc công bố xếp hạng hằng năm cũng tạo động lực thi đua "
                        "giữa các địa phương.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Điểm của tỉnh là công sức của nhiều cơ quan", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số được tính cho cả tỉnh, nhưng điểm số được tạo nên từ công việc "
                        "của từng sở, ngành và từng UBND cấp huyện: một văn bản ban hành chậm, "
                        "một thủ tục công khai chưa đúng, một tỷ lệ hồ sơ trễ hạn cao ở một huyện "
                        "đều có thể làm tỉnh mất điểm. Vì vậy, công chức tham mưu cải cách hành "
                        "chính ở mỗi cơ quan cần biết những tiêu chí nào liên quan đến cơ quan "
                        "mình và chuẩn bị tài liệu kiểm chứng ngay trong năm. Một số bộ, địa "
                        "phương còn tự xác định chỉ số cải cách hành chính cho các đơn vị trực "
                        "thuộc theo cách làm tương tự để xếp hạng nội bộ.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Quy trình đánh giá Chỉ số CCHC cấp tỉnh",
            "slug": "quy-trinh-danh-gia-chi-so-cchc",
            "summary": (
                "Bốn bước: tỉnh tự đánh giá kèm tài liệu kiểm chứng, Bộ Nội vụ thẩm định, điều "
                "tra xã hội học, tính chỉ số và xếp hạng; phần việc của sở và huyện."
            ),
            "estimated_minutes": 15,
            "tags": ["Chỉ số CCHC", "tự đánh giá", "tài liệu kiểm chứng", "điều tra xã hội học"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Chỉ số CCHC cấp tỉnh không phải do Bộ Nội vụ tự chấm từ xa. Kết quả "
                        "cuối cùng kết hợp phần tỉnh tự đánh giá (đã được thẩm định) với ý kiến "
                        "của những người trực tiếp chịu tác động, thu qua điều tra xã hội học. "
                        "Bài học này mô tả bốn bước của quy trình và phần việc của sở, huyện "
                        "trong từng bước. Với kỳ đánh giá năm 2017, quy trình được triển khai "
                        "theo Quyết định số 2948/QĐ-BNV và Kế hoạch ban hành kèm Quyết định số "
                        "22/QĐ-BNV.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Kế hoạch triển khai xác định Chỉ số cải cách hành chính năm 2017"
                        ),
                        "document_number": "22/QĐ-BNV",
                        "issued_on": "2018-01-05",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Kế hoạch triển khai xác định Chỉ số cải cách hành chính năm 2017, "
                            "thực hiện Đề án phê duyệt tại Quyết định số 2948/QĐ-BNV ngày "
                            "28/12/2017.</p>"
                        ),
                    },
                ),
                (
                    "heading",
                    {"text": "Bước 1: Tỉnh tự theo dõi, tự đánh giá, chấm điểm", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>Trong năm, tỉnh tự theo dõi kết quả theo từng tiêu chí. Đến kỳ đánh "
                        "giá, tỉnh chấm điểm tự đánh giá cho từng tiêu chí, tiêu chí thành phần, "
                        "kèm <b>tài liệu kiểm chứng</b> cho mức điểm tự chấm, và gửi báo cáo tự "
                        "đánh giá về Bộ Nội vụ. Ở tỉnh, Sở Nội vụ thường là đầu mối; các sở, "
                        "ngành, UBND cấp huyện cung cấp số liệu và tài liệu kiểm chứng thuộc phần "
                        "việc của mình.</p>"
                    ),
                ),
                ("heading", {"text": "Bước 2: Bộ Nội vụ thẩm định", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Bộ Nội vụ chủ trì, phối hợp với các cơ quan liên quan thẩm định điểm "
                        "tự đánh giá: công nhận điểm khi tài liệu kiểm chứng đầy đủ, hợp lệ, hoặc "
                        "điều chỉnh khi chưa đủ căn cứ. Nói cách khác, điểm tự chấm cao mà thiếu "
                        "minh chứng thì khó được giữ nguyên sau thẩm định.</p>"
                    ),
                ),
                ("heading", {"text": "Bước 3: Điều tra xã hội học", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Bên cạnh thẩm định, Chỉ số còn dựa trên kết quả điều tra xã hội học "
                        "đối với các nhóm đối tượng đã xác định, như công chức, lãnh đạo, quản lý "
                        "và người dân, doanh nghiệp. Quy mô khảo sát rất lớn: chẳng hạn, với Chỉ "
                        "số CCHC năm 2021, hơn 49.600 công chức, lãnh đạo, quản lý và gần 30.000 "
                        "người dân, doanh nghiệp đã được lấy ý kiến. Tỷ trọng giữa phần điểm thẩm "
                        "định và phần điểm điều tra xã hội học do Đề án của từng thời kỳ quy "
                        "định; khi cần con số cụ thể, hãy tra cứu trực tiếp văn bản gốc.</p>"
                    ),
                ),
                ("heading", {"text": "Bước 4: Tính chỉ số, xếp hạng và công bố", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Điểm cuối cùng của mỗi tỉnh được quy đổi thành <b>tỷ lệ phần trăm so "
                        "với tổng điểm tối đa</b>. Các tỉnh, thành phố được xếp hạng từ 1 đến 63 "
                        "và kết quả được công bố hằng năm. Chẳng hạn, Chỉ số CCHC năm 2017 được "
                        "công bố ngày 02/5/2018.</p>"
                    ),
                ),
                ("heading", {"text": "Việc của sở và UBND cấp huyện", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Nắm danh mục tiêu chí có liên quan đến trách nhiệm của cơ quan "
                        "mình.</li><li>Lưu tài liệu kiểm chứng ngay khi hoàn thành nhiệm vụ, sắp "
                        "xếp theo lĩnh vực, tiêu chí.</li><li>Gửi số liệu, tài liệu cho Sở Nội vụ "
                        "đúng thời hạn; số liệu khớp với báo cáo cải cách hành chính "
                        "năm.</li><li>Phổ biến cho công chức về mục đích của điều tra xã hội học "
                        "để họ trả lời khách quan khi được chọn khảo sát.</li><li>Nâng chất lượng "
                        "phục vụ hằng ngày: đó mới là gốc của kết quả khảo sát người dân, doanh "
                        "nghiệp.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Tài liệu kiểm chứng tốt",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Là văn bản, dữ liệu gốc hoặc bản sao hợp lệ, có số, ngày rõ "
                            "ràng.</li><li>Chứng minh đúng nội dung của tiêu chí, không chung "
                            "chung.</li><li>Thuộc đúng năm đánh giá.</li><li>Được đặt tên, sắp "
                            "xếp để người thẩm định tìm thấy nhanh.</li></ul>"
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Phương pháp chấm điểm theo Quyết định 2948/QĐ-BNV",
            "slug": "phuong-phap-cham-diem",
            "summary": (
                "Tám lĩnh vực và điểm tối đa của Chỉ số CCHC cấp tỉnh từ kỳ đánh giá năm 2017; "
                "cách quy đổi ra tỷ lệ phần trăm và phân công theo lĩnh vực."
            ),
            "estimated_minutes": 15,
            "tags": ["Chỉ số CCHC", "phương pháp chấm điểm", "Quyết định 2948/QĐ-BNV"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Bài học này trình bày cấu trúc của Chỉ số CCHC cấp tỉnh theo Đề án "
                        "phê duyệt tại Quyết định số 2948/QĐ-BNV ngày 28/12/2017, áp dụng từ kỳ "
                        "đánh giá năm 2017. Mọi con số về lĩnh vực và điểm tối đa trong bài đều "
                        "lấy từ quyết định này. Hội nghị năm 2017 giảng theo Quyết định số "
                        "4361/QĐ-BNV, nên có thể khác ở một số chi tiết.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (từ kỳ đánh giá năm 2017)"
                        ),
                        "document_number": "2948/QĐ-BNV",
                        "issued_on": "2017-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Nguồn của cấu trúc 8 lĩnh vực, 81 tiêu chí thành phần và điểm tối "
                            "đa của từng lĩnh vực trong bài học này.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (áp dụng tại thời điểm Hội "
                            "nghị 2017)"
                        ),
                        "document_number": "4361/QĐ-BNV",
                        "issued_on": "2016-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Đề án xác định Chỉ số cải cách hành chính được phổ biến tại Hội "
                            "nghị ngày 31/8/2017, trước khi Quyết định số 2948/QĐ-BNV ra đời.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Cấu trúc tổng thể", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số cấp tỉnh gồm <b>8 lĩnh vực</b>, được chia thành các tiêu chí "
                        "và tổng cộng <b>81 tiêu chí thành phần</b>, với tổng điểm tối đa là "
                        "<b>100</b>. Sáu lĩnh vực ở giữa (từ lĩnh vực 2 đến lĩnh vực 7) tương ứng "
                        "với sáu lĩnh vực của Chương trình tổng thể. Lĩnh vực đầu đánh giá công "
                        "tác chỉ đạo, điều hành; lĩnh vực cuối đo tác động của cải cách đến người "
                        "dân, tổ chức và sự phát triển kinh tế – xã hội của tỉnh.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Điểm tối đa của 8 lĩnh vực (Quyết định 2948/QĐ-BNV)",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ol><li>Công tác chỉ đạo, điều hành cải cách hành chính: <b>10</b> "
                            "điểm.</li><li>Xây dựng và tổ chức thực hiện văn bản quy phạm pháp "
                            "luật tại tỉnh: <b>10</b> điểm.</li><li>Cải cách thủ tục hành chính: "
                            "<b>14,5</b> điểm.</li><li>Cải cách tổ chức bộ máy hành chính: "
                            "<b>11</b> điểm.</li><li>Xây dựng và nâng cao chất lượng đội ngũ công "
                            "chức, viên chức: <b>16</b> điểm.</li><li>Cải cách tài chính công: "
                            "<b>7</b> điểm.</li><li>Hiện đại hóa hành chính: <b>16</b> "
                            "điểm.</li><li>Tác động của cải cách hành chính đến người dân, tổ "
                            "chức và phát triển kinh tế – xã hội của tỉnh: <b>15,5</b> "
                            "điểm.</li></ol><p>Tổng điểm tối đa: 100.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "Lĩnh vực nào nặng điểm nhất", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Hai lĩnh vực có điểm tối đa cao nhất là <b>xây dựng và nâng cao chất "
                        "lượng đội ngũ công chức, viên chức</b> và <b>hiện đại hóa hành "
                        "chính</b>, mỗi lĩnh vực 16 điểm. Tiếp theo là lĩnh vực tác động của cải "
                        "cách hành chính (15,5 điểm) và cải cách thủ tục hành chính (14,5 điểm). "
                        "Lĩnh vực có điểm tối đa thấp nhất là cải cách tài chính công (7 điểm). "
                        "Bốn lĩnh vực nặng điểm nhất cộng lại chiếm 62 trên 100 điểm.</p>"
                    ),
                ),
                ("heading", {"text": "Từ điểm số đến chỉ số", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số của tỉnh là tổng điểm đạt được, tính theo tỷ lệ phần trăm so "
                        "với tổng điểm tối đa. Cách tính này cũng dùng được để đọc kết quả của "
                        "từng lĩnh vực. Ví dụ giả định: nếu lĩnh vực cải cách thủ tục hành chính "
                        "đạt 11,6 trên 14,5 điểm tối đa thì tỷ lệ đạt của lĩnh vực này là 80%. So "
                        "sánh tỷ lệ đạt giữa các lĩnh vực, thay vì so điểm tuyệt đối, giúp thấy "
                        "ngay lĩnh vực nào đang kéo chỉ số chung đi xuống.</p>"
                    ),
                ),
                ("heading", {"text": "So sánh với các năm khác", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Số lĩnh vực giữ ở mức 8 qua nhiều lần sửa đổi, nhưng số tiêu chí và "
                        "điểm từng phần thì thay đổi: ở kỳ đánh giá năm 2014, chỉ số cấp tỉnh có "
                        "34 tiêu chí; theo Quyết định số 1150/QĐ-BNV năm 2020 là 43 tiêu chí và "
                        "95 tiêu chí thành phần. Vì vậy, khi so sánh điểm qua các năm, luôn ghi "
                        "rõ năm đó áp dụng quyết định nào.</p>"
                    ),
                ),
                ("heading", {"text": "Gợi ý phân công theo lĩnh vực", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Việc phân công cụ thể do UBND tỉnh quyết định; dưới đây là cách phân "
                        "công thường gặp:</p><ul><li>Lĩnh vực 1 (chỉ đạo, điều hành): mọi cơ "
                        "quan, với kế hoạch, kiểm tra, báo cáo, tuyên truyền.</li><li>Lĩnh vực 2 "
                        "(văn bản quy phạm pháp luật): cơ quan chủ trì soạn thảo, Sở Tư "
                        "pháp.</li><li>Lĩnh vực 3 (thủ tục hành chính): mọi cơ quan có thủ tục "
                        "hành chính, bộ phận một cửa các cấp.</li><li>Lĩnh vực 4 và 5 (bộ máy, "
                        "đội ngũ): Sở Nội vụ chủ trì, mọi cơ quan thực hiện.</li><li>Lĩnh vực 6 "
                        "(tài chính công): Sở Tài chính, các đơn vị sự nghiệp công "
                        "lập.</li><li>Lĩnh vực 7 (hiện đại hóa): Sở Thông tin và Truyền thông "
                        "cùng mọi cơ quan.</li><li>Lĩnh vực 8 (tác động): kết quả chung của mọi "
                        "cơ quan, thể hiện qua cảm nhận của người dân, tổ chức.</li></ul>"
                    ),
                ),
            ],
        },
        {
            "title": "Xếp hạng Chỉ số CCHC và hành động sau xếp hạng",
            "slug": "xep-hang-chi-so-cchc",
            "summary": (
                "Kết quả xếp hạng Chỉ số CCHC năm 2017 và năm 2018, cách đọc bảng xếp hạng thận "
                "trọng và cách biến kết quả thành việc làm."
            ),
            "estimated_minutes": 15,
            "tags": ["Chỉ số CCHC", "xếp hạng", "kết quả 2017–2018"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Mỗi năm, sau khi thẩm định và tổng hợp kết quả điều tra xã hội học, "
                        "Bộ Nội vụ công bố Chỉ số CCHC và xếp hạng các tỉnh, thành phố từ 1 đến "
                        "63. Bài học điểm lại kết quả hai năm đầu áp dụng Quyết định số "
                        "2948/QĐ-BNV và gợi ý cách dùng kết quả xếp hạng trong công việc.</p>"
                    ),
                ),
                ("heading", {"text": "Chỉ số CCHC năm 2017", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Chỉ số CCHC năm 2017, xác định theo Quyết định số 2948/QĐ-BNV, được "
                        "công bố ngày 02/5/2018. Ba địa phương dẫn đầu là <b>Quảng Ninh</b> (thứ "
                        "nhất), <b>Hà Nội</b> (thứ hai) và <b>Đồng Nai</b> (thứ ba); Quảng Ngãi "
                        "đứng cuối bảng. Ở khối bộ, trong 19 bộ, cơ quan ngang bộ được đánh giá, "
                        "Ngân hàng Nhà nước Việt Nam dẫn đầu, Ủy ban Dân tộc đứng "
                        "cuối.</p><p>Cùng đợt công bố, kết quả khảo sát sự hài lòng của người dân "
                        "(SIPAS) trên phạm vi cả nước cho thấy mức hài lòng khoảng 78% về tiếp "
                        "cận dịch vụ, khoảng 85% về thủ tục hành chính, 82% về công chức giải "
                        "quyết công việc và 81% về kết quả dịch vụ.</p>"
                    ),
                ),
                ("heading", {"text": "Chỉ số CCHC năm 2018", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Năm 2018, vẫn theo phương pháp của Quyết định số 2948/QĐ-BNV, Quảng "
                        "Ninh giữ vị trí dẫn đầu với 89,06%, tiếp theo là Hà Nội (83,98%) và Đồng "
                        "Tháp (83,71%); Đà Nẵng xếp thứ tư. Giá trị trung bình của 63 địa phương "
                        "là 76,92%; 29 địa phương đạt trên 80% và không địa phương nào dưới 60%. "
                        "Phú Yên đứng cuối với 69,53%.</p><p>Khoảng cách giữa địa phương cao nhất "
                        "và thấp nhất thu hẹp từ 29,76 điểm phần trăm (năm 2017) xuống 19,53 điểm "
                        "phần trăm (năm 2018).</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "legal",
                        "title": (
                            "Đề án xác định Chỉ số cải cách hành chính (từ kỳ đánh giá năm 2017)"
                        ),
                        "document_number": "2948/QĐ-BNV",
                        "issued_on": "2017-12-28",
                        "issuing_body": "Bộ Nội vụ",
                        "body": (
                            "<p>Phương pháp xác định Chỉ số CCHC áp dụng cho kết quả năm 2017 và "
                            "năm 2018 nêu trong bài học này.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "facts",
                        "title": "Lưu ý về nguồn số liệu",
                        "document_number": "",
                        "issued_on": None,
                        "issuing_body": "",
                        "body": (
                            "<ul><li>Số liệu năm 2018 lấy theo báo Việt Nam News (VNS). Một số "
                            "báo khác ghi điểm của Quảng Ninh là 89,6%; khi trích dẫn trong văn "
                            "bản chính thức, hãy đối chiếu với báo cáo của Bộ Nội vụ.</li><li>Kết "
                            "quả các năm 2012–2015 (Chuyên đề 1) tính theo phương pháp của giai "
                            "đoạn trước, không so sánh trực tiếp với năm 2017, 2018.</li></ul>"
                        ),
                    },
                ),
                ("heading", {"text": "Đọc bảng xếp hạng một cách thận trọng", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li><b>Thứ hạng khác điểm số</b>: hai địa phương liền kề có thể chỉ "
                        "chênh nhau rất ít (năm 2018, Hà Nội và Đồng Tháp cách nhau 0,27 điểm "
                        "phần trăm). Tăng hạng chưa chắc đã tăng điểm, và ngược "
                        "lại.</li><li><b>Nhìn vào từng lĩnh vực</b>: tổng điểm cao vẫn có thể che "
                        "một lĩnh vực yếu.</li><li><b>Chú ý phương pháp</b>: chỉ so sánh trực "
                        "tiếp những năm dùng cùng một quyết định.</li></ul>"
                    ),
                ),
                ("heading", {"text": "Từ kết quả đến hành động", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Khi kết quả được công bố, Sở Nội vụ thường phân tích điểm của tỉnh và "
                        "tham mưu biện pháp khắc phục. Ở cấp sở và cấp huyện, có thể làm theo bốn "
                        "bước:</p><ol><li>Xác định các tiêu chí bị mất điểm có liên quan đến cơ "
                        "quan mình.</li><li>Tìm nguyên nhân: việc chưa làm, làm nhưng chưa đạt, "
                        "hay làm rồi mà thiếu tài liệu kiểm chứng.</li><li>Đưa biện pháp khắc "
                        "phục vào kế hoạch cải cách hành chính năm sau, có sản phẩm và thời hạn "
                        "(Chuyên đề 2).</li><li>Theo dõi và báo cáo kết quả khắc phục trong các "
                        "kỳ báo cáo định kỳ (Chuyên đề 3).</li></ol><p>Như vậy, bốn chuyên đề của "
                        "Khóa học khép thành một vòng: hiểu định hướng, lập kế hoạch, báo cáo kết "
                        "quả, được đo bằng Chỉ số CCHC, rồi lại bắt đầu từ kế hoạch năm sau.</p>"
                    ),
                ),
            ],
        },
    ],
    "slides": [
        {
            "title": "Chỉ số cải cách hành chính cấp tỉnh",
            "bullets": [
                "Căn cứ pháp lý qua từng năm",
                "Quy trình đánh giá và phương pháp chấm điểm",
                "Xếp hạng và hành động sau xếp hạng",
            ],
            "notes": (
                "Hội nghị 2017 phổ biến Chỉ số theo Quyết định 4361/QĐ-BNV; Khóa học trình bày "
                "cấu trúc theo Quyết định 2948/QĐ-BNV, áp dụng từ kỳ đánh giá năm 2017."
            ),
        },
        {
            "title": "Căn cứ theo từng năm",
            "bullets": [
                "4361/QĐ-BNV (28/12/2016): nội dung tập huấn 2017",
                "2948/QĐ-BNV (28/12/2017): từ kỳ đánh giá 2017",
                "22/QĐ-BNV (05/01/2018): kế hoạch đánh giá 2017",
            ],
            "notes": "Mỗi con số về Chỉ số CCHC phải đi kèm tên quyết định áp dụng cho năm đó.",
        },
        {
            "title": "Quy trình đánh giá",
            "bullets": [
                "Tỉnh tự đánh giá, chấm điểm, kèm tài liệu kiểm chứng",
                "Bộ Nội vụ thẩm định: công nhận hoặc điều chỉnh",
                "Điều tra xã hội học các nhóm đối tượng",
                "Chỉ số = điểm đạt so với điểm tối đa (%)",
            ],
            "notes": (
                "Tỷ trọng giữa thẩm định và điều tra xã hội học do Đề án từng thời kỳ quy định; "
                "tra cứu văn bản gốc khi cần."
            ),
        },
        {
            "title": "Cấu trúc theo Quyết định 2948/QĐ-BNV",
            "bullets": [
                "8 lĩnh vực, 81 tiêu chí thành phần",
                "Tổng điểm tối đa: 100",
                "Lĩnh vực 2–7 tương ứng sáu lĩnh vực cải cách",
            ],
            "notes": (
                "Lĩnh vực 1 là chỉ đạo, điều hành; lĩnh vực 8 là tác động đến người dân, tổ chức."
            ),
        },
        {
            "title": "Điểm tối đa: lĩnh vực 1–4",
            "bullets": [
                "Chỉ đạo, điều hành CCHC: 10",
                "Văn bản quy phạm pháp luật tại tỉnh: 10",
                "Cải cách thủ tục hành chính: 14,5",
                "Cải cách tổ chức bộ máy: 11",
            ],
            "notes": "Theo Quyết định 2948/QĐ-BNV ngày 28/12/2017.",
        },
        {
            "title": "Điểm tối đa: lĩnh vực 5–8",
            "bullets": [
                "Đội ngũ công chức, viên chức: 16",
                "Cải cách tài chính công: 7",
                "Hiện đại hóa hành chính: 16",
                "Tác động đến người dân, tổ chức, KT–XH: 15,5",
            ],
            "notes": (
                "Hai lĩnh vực nặng điểm nhất là đội ngũ và hiện đại hóa, mỗi lĩnh vực 16 điểm."
            ),
        },
        {
            "title": "Xếp hạng năm 2017",
            "bullets": [
                "Quảng Ninh, Hà Nội, Đồng Nai dẫn đầu",
                "Công bố ngày 02/5/2018",
                "Đầu bảng cách cuối bảng 29,76 điểm %",
            ],
            "notes": "Kết quả năm 2017 là năm đầu áp dụng Quyết định 2948/QĐ-BNV.",
        },
        {
            "title": "Xếp hạng năm 2018",
            "bullets": [
                "Quảng Ninh 89,06%; Hà Nội 83,98%; Đồng Tháp 83,71%",
                "Trung bình 63 địa phương: 76,92%",
                "Không địa phương nào dưới 60%",
                "Đầu bảng cách cuối bảng 19,53 điểm %",
            ],
            "notes": (
                "Số liệu theo Việt Nam News; một số báo ghi Quảng Ninh 89,6%, cần đối chiếu khi "
                "trích dẫn chính thức."
            ),
        },
        {
            "title": "Sau khi công bố kết quả",
            "bullets": [
                "Phân tích điểm bị mất theo lĩnh vực, tiêu chí",
                "Đưa việc khắc phục vào kế hoạch năm sau",
                "Theo dõi, báo cáo kết quả khắc phục",
            ],
            "notes": "Bốn chuyên đề khép thành một vòng: định hướng, kế hoạch, báo cáo, đánh giá.",
        },
    ],
    "deck_title": "Chỉ số cải cách hành chính cấp tỉnh",
    "deck_lesson": 0,
    "quiz": {
        "title": "Bài kiểm tra chuyên đề 4: Chỉ số cải cách hành chính cấp tỉnh",
        "slug": "bai-kiem-tra",
        "intro": (
            "Bài kiểm tra về căn cứ pháp lý, quy trình, phương pháp chấm điểm và kết quả xếp hạng "
            "Chỉ số CCHC. Điểm đạt là 70%."
        ),
        "pass_mark": 70,
        "questions": [
            {
                "text": (
                    "Chỉ số CCHC cấp tỉnh năm 2017 được xác định theo Đề án phê duyệt tại quyết "
                    "định nào?"
                ),
                "kind": "single",
                "area": "Chỉ số CCHC",
                "choices": [
                    (
                        "Quyết định 2948/QĐ-BNV ngày 28/12/2017",
                        True,
                        "Đúng: áp dụng từ kỳ đánh giá năm 2017.",
                    ),
                    (
                        "Quyết định 4361/QĐ-BNV ngày 28/12/2016",
                        False,
                        (
                            "Đây là căn cứ được giảng tại Hội nghị 2017, nhưng đã được thay cho "
                            "kỳ đánh giá 2017."
                        ),
                    ),
                    (
                        "Quyết định 22/QĐ-BNV ngày 05/01/2018",
                        False,
                        "Đây là Kế hoạch triển khai, không phải Đề án.",
                    ),
                    ("Quyết định 1150/QĐ-BNV năm 2020", False, "Quyết định này ra đời năm 2020."),
                ],
                "explanation": (
                    "Quyết định 2948/QĐ-BNV ngày 28/12/2017 của Bộ Nội vụ phê duyệt Đề án xác "
                    "định Chỉ số CCHC, áp dụng từ kỳ đánh giá năm 2017; Quyết định 22/QĐ-BNV ngày "
                    "05/01/2018 là kế hoạch triển khai."
                ),
            },
            {
                "text": (
                    "Theo Quyết định 2948/QĐ-BNV, Chỉ số CCHC cấp tỉnh gồm bao nhiêu lĩnh vực và "
                    "tổng điểm tối đa là bao nhiêu?"
                ),
                "kind": "single",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("8 lĩnh vực, 100 điểm", True, "Đúng."),
                    ("6 lĩnh vực, 100 điểm", False, "6 là số lĩnh vực của Chương trình tổng thể."),
                    ("8 lĩnh vực, 10 điểm", False, "10 là điểm tối đa của lĩnh vực 1 hoặc 2."),
                    ("7 lĩnh vực, 100 điểm", False, "7 lĩnh vực là của chỉ số cấp bộ năm 2014."),
                ],
                "explanation": (
                    "Theo Quyết định 2948/QĐ-BNV ngày 28/12/2017: 8 lĩnh vực, 81 tiêu chí thành "
                    "phần, tổng điểm tối đa 100."
                ),
            },
            {
                "text": (
                    "Theo Quyết định 2948/QĐ-BNV, lĩnh vực nào có điểm tối đa cao nhất (16 điểm)? "
                    "(Chọn tất cả đáp án đúng.)"
                ),
                "kind": "multiple",
                "area": "Chỉ số CCHC",
                "choices": [
                    (
                        "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
                        True,
                        "Đúng: 16 điểm.",
                    ),
                    ("Hiện đại hóa hành chính", True, "Đúng: 16 điểm."),
                    ("Cải cách thủ tục hành chính", False, "Lĩnh vực này có tối đa 14,5 điểm."),
                    (
                        "Tác động của cải cách hành chính đến người dân, tổ chức",
                        False,
                        "Lĩnh vực này có tối đa 15,5 điểm.",
                    ),
                ],
                "explanation": (
                    "Theo Quyết định 2948/QĐ-BNV ngày 28/12/2017: đội ngũ công chức, viên chức "
                    "16; hiện đại hóa 16; tác động 15,5; thủ tục hành chính 14,5; bộ máy 11; chỉ "
                    "đạo, điều hành 10; văn bản QPPL 10; tài chính công 7."
                ),
            },
            {
                "text": "Địa phương nào xếp thứ nhất Chỉ số CCHC năm 2017?",
                "kind": "single",
                "area": "Chỉ số CCHC",
                "choices": [
                    (
                        "Quảng Ninh",
                        True,
                        "Đúng: Quảng Ninh dẫn đầu, Hà Nội thứ hai, Đồng Nai thứ ba.",
                    ),
                    ("Hà Nội", False, "Hà Nội xếp thứ hai."),
                    ("Đồng Nai", False, "Đồng Nai xếp thứ ba."),
                    ("Đà Nẵng", False, "Đà Nẵng dẫn đầu các năm 2012–2014, không phải năm 2017."),
                ],
                "explanation": (
                    "Theo kết quả Chỉ số CCHC năm 2017 (xác định theo Quyết định 2948/QĐ-BNV ngày "
                    "28/12/2017, công bố ngày 02/5/2018): Quảng Ninh thứ nhất, Hà Nội thứ hai, "
                    "Đồng Nai thứ ba."
                ),
            },
            {
                "text": (
                    "Chỉ số CCHC của một tỉnh được tính bằng tỷ lệ phần trăm giữa tổng điểm đạt "
                    "được và tổng điểm tối đa."
                ),
                "kind": "true_false",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("Đúng", True, "Chính xác: vì vậy kết quả thể hiện trên thang 0–100%."),
                    (
                        "Sai",
                        False,
                        "Chưa đúng: chỉ số là điểm đạt được tính theo % của điểm tối đa.",
                    ),
                ],
                "explanation": (
                    "Theo phương pháp của Đề án tại Quyết định 2948/QĐ-BNV ngày 28/12/2017: chỉ "
                    "số là điểm đạt được so với điểm tối đa (100), tính theo phần trăm."
                ),
            },
            {
                "text": (
                    "Quy trình xác định Chỉ số CCHC cấp tỉnh gồm những bước nào? (Chọn tất cả đáp "
                    "án đúng.)"
                ),
                "kind": "multiple",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("Tỉnh tự đánh giá, chấm điểm kèm tài liệu kiểm chứng", True, "Đúng: bước 1."),
                    ("Bộ Nội vụ thẩm định, công nhận hoặc điều chỉnh điểm", True, "Đúng: bước 2."),
                    ("Điều tra xã hội học các nhóm đối tượng", True, "Đúng: bước 3."),
                    (
                        "Tỉnh tự công bố thứ hạng của mình",
                        False,
                        "Thứ hạng do Bộ Nội vụ công bố chung cho 63 địa phương.",
                    ),
                ],
                "explanation": (
                    "Theo quy trình xác định Chỉ số CCHC (kỳ đánh giá năm 2017 theo Quyết định "
                    "2948/QĐ-BNV và Kế hoạch tại Quyết định 22/QĐ-BNV): tự đánh giá kèm tài liệu "
                    "kiểm chứng, thẩm định, điều tra xã hội học, tính chỉ số và xếp hạng."
                ),
            },
            {
                "text": (
                    "Theo kết quả Chỉ số CCHC năm 2018, không có tỉnh, thành phố nào đạt dưới 60%."
                ),
                "kind": "true_false",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("Đúng", True, "Chính xác: địa phương thấp nhất là Phú Yên với 69,53%."),
                    ("Sai", False, "Chưa đúng: năm 2018 không địa phương nào dưới 60%."),
                ],
                "explanation": (
                    "Theo kết quả Chỉ số CCHC năm 2018 (phương pháp của Quyết định 2948/QĐ-BNV), "
                    "theo Việt Nam News: thấp nhất là Phú Yên 69,53%, không địa phương nào dưới "
                    "60%."
                ),
            },
            {
                "text": (
                    "Giá trị trung bình Chỉ số CCHC năm 2018 của 63 tỉnh, thành phố là bao nhiêu?"
                ),
                "kind": "single",
                "area": "Chỉ số CCHC",
                "choices": [
                    ("76,92%", True, "Đúng."),
                    ("77,56%", False, "Đây là giá trị trung bình năm 2013."),
                    ("83,98%", False, "Đây là điểm của Hà Nội năm 2018."),
                    ("69,53%", False, "Đây là điểm thấp nhất năm 2018 (Phú Yên)."),
                ],
                "explanation": (
                    "Theo kết quả Chỉ số CCHC năm 2018 (phương pháp của Quyết định 2948/QĐ-BNV), "
                    "theo Việt Nam News: trung bình 63 địa phương là 76,92%."
                ),
            },
        ],
    },
}


COURSE = {
    "title": "Tập huấn công tác cải cách hành chính nhà nước năm 2017",
    "slug": "tap-huan-cchc-2017",
    "summary": (
        "Khóa học trực tuyến xây dựng từ Hội nghị tập huấn công tác cải cách hành chính nhà nước "
        "ngày 31/8/2017, gồm bốn chuyên đề dành cho công chức tham mưu cải cách hành chính ở cấp "
        "sở và cấp huyện."
    ),
    "description_html": (
        "<p>Hội nghị tập huấn công tác cải cách hành chính nhà nước năm 2017 do Sở Nội vụ và Vụ "
        "Cải cách hành chính (Bộ Nội vụ) phối hợp tổ chức ngày 31/8/2017. Người tham dự gồm lãnh "
        "đạo các sở, ban, ngành và UBND cấp huyện, cùng những công chức trực tiếp tham mưu công "
        "tác cải cách hành chính ở hai cấp này.</p><p>Khóa học này chuyển nội dung Hội nghị thành "
        "bốn chuyên đề học trực tuyến: tổng quan về cải cách hành chính; lập kế hoạch và tổ chức "
        "thực hiện kế hoạch; xây dựng báo cáo; và Chỉ số cải cách hành chính cấp tỉnh. Mỗi chuyên "
        "đề có các bài học, một bài trình chiếu và một bài kiểm tra. Những quy định ban hành sau "
        "Hội nghị, như Quyết định 2948/QĐ-BNV về Chỉ số cải cách hành chính và Văn bản "
        "581/BNV-CCHC về chế độ báo cáo, được ghi rõ là nội dung cập nhật.</p>"
    ),
    "objectives_html": (
        "<ul><li>Trình bày được mục tiêu, trọng tâm, sáu lĩnh vực và hai giai đoạn của Chương "
        "trình tổng thể cải cách hành chính nhà nước 2011–2020, cùng các chỉ tiêu chính của Kế "
        "hoạch 2016–2020.</li><li>Xây dựng được kế hoạch cải cách hành chính năm của cơ quan, đơn "
        "vị với mục tiêu đo được, nhiệm vụ theo sáu lĩnh vực, sản phẩm, đơn vị chủ trì, thời hạn "
        "và kinh phí.</li><li>Tổ chức theo dõi, kiểm tra việc thực hiện kế hoạch và lưu giữ tài "
        "liệu kiểm chứng.</li><li>Lập báo cáo cải cách hành chính định kỳ đúng kỳ, đúng hạn, có "
        "số liệu, minh chứng và kiến nghị cụ thể.</li><li>Giải thích được quy trình đánh giá, "
        "phương pháp chấm điểm và xếp hạng Chỉ số cải cách hành chính cấp tỉnh, từ đó xác định "
        "phần việc của cơ quan mình.</li></ul>"
    ),
    "estimated_hours": "6.0",
    "tags": [
        "cải cách hành chính",
        "tập huấn 2017",
        "kế hoạch CCHC",
        "báo cáo CCHC",
        "Chỉ số CCHC",
    ],
    "trainers": ["do-quy-tien", "nguyen-minh-hoa"],
    "modules": [MODULE_OVERVIEW, MODULE_PLANNING, MODULE_REPORTING, MODULE_PAR_INDEX],
}
