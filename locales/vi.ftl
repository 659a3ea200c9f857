# Nhắc Việc — tiếng Việt (ngôn ngữ mặc định). Mọi câu chữ người dùng thấy đều nằm ở đây.

## Vai trò
role-official = cán bộ đầu mối
role-coordinator = điều phối viên

## Liên kết tài khoản
unlinked-explanation =
    Xin chào! Đây là Nhắc Việc — trợ lý nhắc báo cáo tiến độ các nhiệm vụ của Kế hoạch hành động.
    Tài khoản của bạn chưa được liên kết với đơn vị nào, nên bot chưa thể phục vụ bạn.
    Hãy xin mã mời từ điều phối viên (Sở Thông tin và Truyền thông hoặc Văn phòng UBND tỉnh), rồi gửi:
    /start <mã mời>
link-success-official =
    ✅ Liên kết thành công! Chào { $name }, bạn là cán bộ đầu mối của { $agency }.
    Gõ /nhiemvu để xem các nhiệm vụ đơn vị chủ trì, /trogiup để xem hướng dẫn.
link-success-coordinator =
    ✅ Liên kết thành công! Chào { $name }, bạn là điều phối viên{ $agency ->
        [none] {""}
       *[other] {" "}({ $agency })
    }.
    Gõ /trogiup để xem các lệnh dành cho điều phối viên.
link-already-linked = Tài khoản này đã được liên kết: { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Không cần dùng mã mời nữa.
link-invalid = ❌ Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự, hoặc xin mã mới từ điều phối viên.
link-used = ❌ Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần — vui lòng xin mã mới từ điều phối viên.
link-expired = ❌ Mã mời này đã hết hạn. Vui lòng xin mã mới từ điều phối viên.
greeting-linked = Chào { $name }! Bạn đang là { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Gõ /trogiup để xem hướng dẫn.

## Trợ giúp
help-official =
    Nhắc Việc nhắc đơn vị báo cáo tiến độ trước các ngày 20/3, 20/6, 20/9 và 20/12.
    Các lệnh:
    /nhiemvu — các nhiệm vụ đơn vị bạn chủ trì
    /trogiup — hướng dẫn này
help-coordinator =
    Bạn là điều phối viên: bạn theo dõi tiến độ của tất cả các đơn vị.
    Các lệnh:
    /nhiemvu — nhiệm vụ của đơn vị bạn (nếu có)
    /trogiup — hướng dẫn này
command-start = Liên kết tài khoản bằng mã mời
command-nhiemvu = Nhiệm vụ đơn vị tôi chủ trì
command-trogiup = Hướng dẫn sử dụng

## Nhiệm vụ
tasks-header = 📋 Nhiệm vụ { $agency } chủ trì trong năm { $year } ({ $count }):
tasks-item = { $index }. { $code } — { $title }
tasks-none = { $agency } hiện không chủ trì nhiệm vụ nào trong kế hoạch.
tasks-none-this-year = (Không có nhiệm vụ nào đang thực hiện trong năm { $year }.)
tasks-other-header = Các nhiệm vụ khác (không thuộc năm { $year } hoặc đang tạm dừng) — { $count }:
tasks-footer = Trả lời theo mẫu: «II.2 xong», «II.9 đang làm 60%», «V.3 vướng kinh phí».
tasks-no-agency = Tài khoản của bạn không gắn với đơn vị nào, nên không có nhiệm vụ riêng.

## Chung
unknown-command = Bot không có lệnh /{ $command }. Gõ /trogiup để xem các lệnh.
not-understood =
    Bot chưa hiểu tin nhắn này. Ví dụ cách báo cáo:
    «II.2 xong» · «II.9 đang làm 60%» · «V.3 vướng kinh phí»
    Gõ /trogiup để xem hướng dẫn.
internal-error = ⚠️ Bot gặp sự cố khi xử lý tin nhắn này. Tin nhắn chưa được ghi nhận — vui lòng gửi lại sau ít phút.

## Cửa sổ dòng lệnh (console)
console-banner =
    Nhắc Việc — chế độ console (chưa đặt BOT_TOKEN nên bot chạy ngay trong cửa sổ này).
    Cơ sở dữ liệu: { $database }
console-plan-loaded = Đã nạp kế hoạch có sẵn: { $plan } ({ $tasks } nhiệm vụ).
console-demo-invites =
    Để thử, liên kết bằng một trong hai mã mời dưới đây (mỗi mã dùng một lần):
      cán bộ đầu mối { $agency }:  /start { $officialCode }
      điều phối viên:  /start { $coordinatorCode }
console-usage =
    Gõ tin nhắn rồi Enter. «:nguoi <tên>» để đổi người gửi (thử cả hai vai), «:thoat» để thoát.
console-user-switched = (Bạn đang nhắn với tư cách «{ $user }».)
console-prompt = { $user }>
console-bye = Tạm biệt!

## Khởi động
start-telegram = Kênh Telegram đang chạy (long polling) với bot @{ $username }.
start-config-error = Cấu hình sai — { $problem }

## Dòng lệnh nhacviec (cho quản trị)
kind-department = sở
kind-sector = ngành
kind-district = cấp huyện
kind-commune = cấp xã
kind-other = khác
cli-migrated = Đã áp dụng migration: { $names }
cli-migrate-none = Cơ sở dữ liệu đã ở phiên bản mới nhất.
cli-import-plan-created = Đã nạp kế hoạch mới { $plan }: đọc được { $tasks } nhiệm vụ.
cli-import-plan-updated = Đã cập nhật kế hoạch { $plan }: đọc được { $tasks } nhiệm vụ.
cli-import-added = Thêm mới ({ $count })
cli-import-changed = Thay đổi ({ $count })
cli-import-retired = Ngừng theo dõi vì không còn trong tệp ({ $count })
cli-import-agencies = Đơn vị mới ({ $count })
cli-import-assignments = Phân công chủ trì: thêm { $added }, ngừng { $retired }
cli-import-without-lead = Nhiệm vụ chưa có đơn vị chủ trì cụ thể ({ $count })
cli-import-problems = Không đọc được { $count } dòng:
cli-import-row = dòng { $row }
cli-agencies-header = { $count } đơn vị:
cli-agency-added = Đã thêm đơn vị { $code }: { $name }
cli-agency-renamed = Đã đổi tên đơn vị { $code } thành: { $name } (tên cũ vẫn được nhận ra)
cli-invite-created = Mã mời { $role } — { $agency }
cli-invite-code = Mã
cli-invite-link = Liên kết Telegram
cli-invite-no-link = (chưa biết tên bot: đặt BOT_USERNAME hoặc BOT_TOKEN)
cli-invite-expires = Hết hạn
cli-backup-done = Đã sao lưu { $source } vào { $target }
