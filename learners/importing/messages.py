"""What the staff import tells people, in Vietnamese: the column labels and every refusal."""

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "employee_code": _("Mã số công chức, viên chức"),
    "full_name": _("Họ và tên"),
    "email": _("Thư điện tử"),
    "agency_code": _("Mã cơ quan"),
    "agency": _("Cơ quan, đơn vị"),
    "position": _("Chức vụ"),
}

IMPORT_NOT_ALLOWED = _("Bạn không có quyền nhập danh sách công chức, viên chức.")
NO_AGENCY = _(
    "Tài khoản của bạn chưa gắn với cơ quan, đơn vị nào nên chưa nhập được danh sách. "
    "Hãy nhờ quản trị viên gán cơ quan, đơn vị cho tài khoản của bạn."
)
FILE_TOO_LARGE = _(
    "Tệp lớn hơn %(max)s MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt."
)
TOO_MANY_ROWS = _(
    "Tệp có hơn %(max)s dòng dữ liệu. Hãy chia danh sách thành nhiều tệp, mỗi tệp không quá "
    "%(max)s người."
)
UNSUPPORTED_TYPE = _(
    "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv). Hãy lưu lại danh sách ở một trong hai dạng đó."
)
OLD_EXCEL = _(
    "Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dạng "
    "“Excel Workbook (.xlsx)” hoặc “CSV UTF-8”."
)
NOT_XLSX = _(
    "Tệp không phải tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng hoặc chỉ được đổi tên). "
    "Hãy mở tệp bằng Excel và lưu lại dạng “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”."
)
NOT_UTF8 = _("Tệp không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8 (Excel: CSV UTF-8).")
CSV_MALFORMED = _(
    "Không đọc được tệp CSV từ dòng %(row)s (có thể một ô thiếu dấu ngoặc kép đóng). "
    "Hãy mở tệp bằng Excel và lưu lại dạng “CSV UTF-8”."
)
BLANK_GAP = _(
    "Sau dòng %(last)s có hơn %(max)s dòng trống liên tiếp, rồi lại có dữ liệu ở dòng %(next)s. "
    "Hãy xóa các dòng trống thừa (hoặc ô lạc ở dòng %(next)s) rồi tải tệp lên lại."
)
TOO_MANY_LINES = _(
    "Tệp có quá nhiều dòng trống: đã đọc %(max)s dòng mà danh sách chưa hết. Hãy xóa các dòng "
    "trống thừa (Excel: chọn các dòng bên dưới danh sách, Xóa dòng) rồi tải tệp lên lại."
)
XLSX_TOO_LARGE = _(
    "Tệp Excel chứa quá nhiều dữ liệu để là một danh sách %(max)s người. Hãy chép danh sách "
    "sang một tệp mới chỉ có một trang tính rồi tải lên tệp đó."
)
EMPTY_FILE = _(
    "Tệp trống. Dòng 1 là tiêu đề các cột, danh sách bắt đầu từ dòng 2; hãy dùng tệp mẫu."
)
NO_DATA_ROWS = _(
    "Tệp chỉ có dòng tiêu đề, chưa có ai trong danh sách. Hãy điền mỗi người một dòng, từ dòng 2."
)
MISSING_COLUMNS = _(
    "Thiếu cột: %(columns)s. Dòng tiêu đề cần có các cột employee_code, full_name, agency_code "
    "(hoặc bằng tiếng Việt: Mã số công chức, viên chức; Họ và tên; Mã cơ quan)."
)
DUPLICATE_COLUMN = _(
    "Cột “%(column)s” có hai lần (cột %(first)s và cột %(second)s). Hãy xóa một cột."
)
VALUE_MISSING = _("Thiếu %(label)s.")
VALUE_TOO_LONG = _("Dài quá %(max)s ký tự (hiện có %(length)s ký tự). Hãy viết ngắn lại.")
FORMULA_REFUSED = _(
    "Ô bắt đầu bằng dấu “%(char)s” nên có thể bị Excel hiểu là công thức; vì an toàn, ô như "
    "vậy không được nhận. Hãy xóa dấu “%(char)s” ở đầu ô."
)
CODE_INVALID = _(
    "Mã số “%(value)s” chỉ được gồm chữ cái không dấu, chữ số và các dấu chấm, gạch dưới, "
    "gạch ngang."
)
DUPLICATE_CODE = _("Mã số “%(value)s” đã có ở dòng %(first)s. Mỗi người chỉ có một dòng trong tệp.")
EMAIL_INVALID = _(
    "“%(value)s” không phải địa chỉ thư điện tử. Hãy nhập theo dạng ten@coquan.gov.vn."
)
AGENCY_UNKNOWN = _(
    "Không có cơ quan, đơn vị nào mang mã “%(value)s”. Hãy xem mã đúng trong mục “Cơ quan, đơn vị”."
)
AGENCY_OUT_OF_SCOPE = _(
    "“%(name)s” (mã %(value)s) không thuộc phạm vi bạn quản lý. Bạn chỉ nhập được người của "
    "cơ quan, đơn vị mình và các đơn vị trực thuộc."
)
PERSON_OUT_OF_SCOPE = _(
    "Mã số “%(value)s” là của một người thuộc cơ quan, đơn vị ngoài phạm vi bạn quản lý; "
    "bạn không sửa được thông tin người này. Hãy kiểm tra lại mã số."
)
PERSON_PROTECTED = _(
    "Mã số “%(value)s” là của một tài khoản quản trị, cán bộ tổ chức hoặc giảng viên; "
    "thông tin tài khoản này chỉ quản trị viên sửa được."
)
CODE_AMBIGUOUS = _(
    "Mã số “%(value)s” khớp với nhiều tài khoản (chỉ khác chữ hoa, chữ thường). "
    "Hãy nhờ quản trị viên sửa trước."
)
USERNAME_TAKEN = _(
    "Tên đăng nhập “%(value)s” (mã số viết thường) đã thuộc về một tài khoản khác. "
    "Hãy nhờ quản trị viên kiểm tra."
)
PLAN_HAS_ERRORS = _("Tệp còn lỗi nên chưa nhập gì. Hãy sửa các lỗi rồi tải tệp lên lại.")
PLAN_STALE = _(
    "Dữ liệu đã thay đổi từ lúc xem trước (có người vừa được thêm hoặc sửa), nên chưa nhập gì. "
    "Hãy tải tệp lên lại để xem trước lần nữa."
)
SUCCESS = _("Đã nhập %(created)s người mới, cập nhật %(updated)s người.")

ROW_ERROR_IN_CELL = _("Dòng %(row)s, cột “%(column)s”: %(message)s")
ROW_ERROR_IN_ROW = _("Dòng %(row)s: %(message)s")
