# Nhắc Việc — tiếng Việt (ngôn ngữ mặc định). Mọi câu chữ người dùng thấy đều nằm ở đây.

## Vai trò
role-official = cán bộ đầu mối
role-coordinator = điều phối viên

## Liên kết tài khoản
unlinked-explanation =
    Xin chào! Đây là Nhắc Việc — trợ lý nhắc báo cáo tiến độ các nhiệm vụ của Kế hoạch hành động.
    Tài khoản của anh/chị chưa được liên kết với đơn vị nào, nên bot chưa thể phục vụ anh/chị.
    Hãy xin mã mời từ điều phối viên (Sở Thông tin và Truyền thông hoặc Văn phòng UBND tỉnh), rồi gửi:
    /start <mã mời>
link-success-official =
    ✅ Liên kết thành công! Chào { $name }, anh/chị là cán bộ đầu mối của { $agency }.
    Gõ /nhiemvu để xem các nhiệm vụ đơn vị chủ trì, /trogiup để xem hướng dẫn.
link-success-coordinator =
    ✅ Liên kết thành công! Chào { $name }, anh/chị là điều phối viên{ $agency ->
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
greeting-linked = Chào { $name }! Anh/chị đang là { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Gõ /trogiup để xem hướng dẫn.

## Trợ giúp
help-official =
    Nhắc Việc nhắc đơn vị báo cáo tiến độ trước các ngày 20/3, 20/6, 20/9 và 20/12.
    Các lệnh:
    /nhiemvu — các nhiệm vụ đơn vị anh/chị chủ trì
    /conlai — việc đơn vị còn phải báo cáo kỳ này
    /capnhat II.2 xong — cập nhật tiến độ (hoặc nhắn thẳng: «II.9 đang làm 60%», «V.3 vướng kinh phí»)
    /vang 15/3 — báo vắng đến hết ngày 15/3, tạm không nhận nhắc (hoặc nhắn «nghỉ phép đến 15/3»)
    /trogiup — hướng dẫn này
help-coordinator =
    Anh/chị là điều phối viên: anh/chị theo dõi tiến độ của tất cả các đơn vị.
    Các lệnh:
    /cham — đơn vị nào chưa báo cáo, trễ hạn, vướng mắc (hoặc hỏi: «ai chưa báo cáo?»); /cham 2020-Q2 — một kỳ đã qua
    /cham quahan — các phần việc quá hạn chưa hoàn thành, theo đơn vị
    /tinhhinh Sở Y tế — tình hình một đơn vị; /tinhhinh II.2 — tình hình một nhiệm vụ
    /nhac Sở Y tế — nhắc ngay cán bộ đầu mối của đơn vị (tối đa một lần mỗi giờ)
    /baocao 2020-Q1 — tệp Excel báo cáo quý
    /nhiemvu — nhiệm vụ của đơn vị anh/chị (nếu có)
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
tasks-footer = Trả lời theo mẫu: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí».
tasks-no-agency = Tài khoản của anh/chị không gắn với đơn vị nào, nên không có nhiệm vụ riêng.

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
    Gõ tin nhắn rồi Enter. «:nguoi <tên>» để đổi người gửi (thử cả hai vai), «:bam <số>» để bấm nút, «:thoat» để thoát.
console-user-switched = (Anh/chị đang nhắn với tư cách «{ $user }».)
console-prompt = { $user }>
console-document-saved = 📎 Đã lưu tệp: { $path }
console-no-button = (Không có nút số { $number } trong câu trả lời gần nhất.)
console-delivered = 📬 Tin nhắn theo lịch gửi tới «{ $user }»:
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

## Ai đang chậm, nhắc, báo cáo quý (điều phối viên)
category-done_on_time = hoàn thành đúng hạn
category-done_late = hoàn thành quá hạn
category-in_progress = đang thực hiện trong hạn
category-overdue = quá hạn chưa hoàn thành
category-not_started = chưa thực hiện
behind-status-done = hoàn thành
behind-status-in_progress = đang thực hiện
behind-status-not_started = chưa thực hiện
behind-status-blocked = vướng mắc
behind-status-none = chưa báo cáo
behind-headline = { $period } — hạn nộp trước ngày { $due } · tính đến { $at }
behind-as-of-deadline = Kỳ đã kết thúc: trạng thái tính tại hạn nộp ({ $asOf }); cập nhật gửi sau hạn thuộc kỳ sau.
behind-deadline-ahead = Còn { $days } ngày đến hạn.
behind-deadline-passed = Đã quá hạn { $days } ngày.
behind-reported-summary = Đã báo cáo đủ: { $reported }/{ $total } đơn vị phải báo cáo · { $updated } phần việc có cập nhật trong kỳ · còn thiếu { $missing }/{ $owed } phần việc phải báo cáo.
behind-nothing-owed = Không đơn vị nào phải báo cáo { $period }: không có nhiệm vụ nào thực hiện trong năm { $year }.
behind-not-reported-header = Chưa báo cáo đủ ({ $count } đơn vị):
behind-all-reported = { $overdue ->
    [0] ✅ Cả { $count } đơn vị phải báo cáo đã báo cáo đủ cho kỳ này.
   *[other] Cả { $count } đơn vị phải báo cáo đã báo cáo đủ cho kỳ này, nhưng còn { $overdue } phần việc quá hạn chưa hoàn thành.
}
behind-agency-line = { $index }. { $agency } — thiếu { $missing }/{ $owed }: { $codes }
behind-late-suffix = (trễ hạn nộp { $days } ngày)
behind-blocked-header = Vướng mắc ({ $count } phần việc):
behind-blocked-line = • { $code } · { $agency }: { $blocker } ({ $days } ngày)
behind-blocker-unknown = không nêu rõ
behind-overdue-header = Quá hạn chưa hoàn thành ({ $count } phần việc):
behind-overdue-line = • { $code } · { $agency }: hạn hoàn thành { $due }, quá { $days } ngày
behind-overdue-more = Xem đủ { $count } phần việc quá hạn, theo đơn vị: gõ { $command }
behind-overdue-button = ⏰ Xem quá hạn theo đơn vị ▶
behind-overdue-view-header = Quá hạn chưa hoàn thành: { $count } phần việc của { $agencies } đơn vị:
behind-overdue-agency-line = { $index }. { $agency } — { $count } quá hạn (lâu nhất { $days } ngày): { $codes }
behind-overdue-none = Không có phần việc nào quá hạn chưa hoàn thành.
behind-overdue-detail = Chi tiết một đơn vị: /tinhhinh <tên đơn vị>
behind-stale-count = Lâu không cập nhật (quá { $days } ngày): { $count } phần việc.
behind-counts = Vướng mắc: { $blocked } · Quá hạn: { $overdue } · Lâu không cập nhật: { $stale } (phần việc)
behind-categories = Phân loại ({ $count } phần việc): { $summary }
behind-page = Trang { $page }/{ $pages } — gõ { $command } để xem tiếp.
behind-page-last = Trang { $page }/{ $pages }.
behind-more-button = Xem tiếp ▶
behind-nudge-button = 🔔 Nhắc { $agency }
behind-coordinators-only = Chức năng này dành cho điều phối viên. Anh/chị dùng /nhiemvu để xem nhiệm vụ của đơn vị mình.
behind-bad-page = Không có trang { $page } (chỉ có { $pages } trang).
behind-bad-quarter = «{ $quarter }» không phải kỳ báo cáo (viết dạng 2020-Q1; kỳ đầu tiên là { $first }).
question-agency-unknown = Không tìm thấy đơn vị «{ $name }».
question-agency-suggest = Có phải: { $names }?
question-agency-ambiguous = «{ $name }» khớp nhiều đơn vị: { $names }. Vui lòng gõ rõ hơn.
agency-status-header = { $agency } — { $period }
agency-status-reported = Đã báo cáo { $reported }/{ $owed } nhiệm vụ phải báo cáo trong kỳ ({ $updated } nhiệm vụ có cập nhật trong kỳ).
agency-status-nothing-owed = Không có nhiệm vụ phải báo cáo { $period } (không nhiệm vụ nào thực hiện trong năm { $year }).
agency-status-missing = Còn thiếu: { $codes }
agency-status-overdue = Quá hạn chưa hoàn thành: { $codes }
agency-status-none = { $agency } không có nhiệm vụ chủ trì cần theo dõi trong năm { $year }.
agency-status-item = { $mark } { $code }: { $status } — { $category }
agency-status-not-updated = chưa cập nhật kỳ này
task-status-header = Nhiệm vụ { $code }: { $title }
task-status-unknown = Không có nhiệm vụ { $code } trong kế hoạch.
task-status-due = Hạn hoàn thành: { $due } · { $period }
task-status-no-due = Không có hạn cụ thể · { $period }
task-status-dormant = (Nhiệm vụ đang tạm dừng theo dõi.)
task-status-no-lead = Nhiệm vụ này chưa có đơn vị chủ trì cụ thể.
nudge-usage = Gõ /nhac <tên đơn vị>, ví dụ: /nhac Sở Y tế
nudge-sent = 🔔 Đã nhắc { $agency } ({ $people } người nhận): { $missing } nhiệm vụ chưa báo cáo { $period }, { $overdue } nhiệm vụ quá hạn chưa hoàn thành.
nudge-too-soon = Đã nhắc { $agency } lúc { $time }, có thể nhắc lại sau { $next }.
nudge-nothing-missing = { $owed ->
    [0] { $agency } không có nhiệm vụ phải báo cáo { $period } và không có nhiệm vụ quá hạn, không cần nhắc.
   *[other] { $agency } đã báo cáo đủ cho { $period } và không có nhiệm vụ quá hạn, không cần nhắc.
}
nudge-no-officials = { $agency } chưa có cán bộ đầu mối nào liên kết với bot. Tạo mã mời: nhacviec invite --agency { $code } --role official
nudge-message = 🔔 Điều phối viên { $coordinator } nhắc: { $agency } chưa báo cáo { $period } (hạn trước ngày { $due }) cho { $count } nhiệm vụ: { $codes }
nudge-message-overdue-only = 🔔 Điều phối viên { $coordinator } nhắc: { $agency } còn { $count } nhiệm vụ quá hạn chưa hoàn thành: { $codes }
nudge-message-overdue = Quá hạn chưa hoàn thành: { $count } nhiệm vụ — { $codes }
nudge-message-reply = Trả lời ngay tại đây, ví dụ: «{ $example } đang làm 60%».
nudge-expired-button = Nút này đã cũ. Gõ /cham để xem danh sách mới.
report-usage = Gõ /baocao để lấy báo cáo kỳ hiện tại, hoặc /baocao 2020-Q1.
report-caption =
    Báo cáo { $period } (số liệu đến { $asOf }): { $tasks } nhiệm vụ, { $assignments } phần việc (nhiệm vụ × đơn vị chủ trì) của { $agencies } đơn vị.
    { $owing ->
        [0] Không đơn vị nào phải báo cáo kỳ này
       *[other] Đã báo cáo đủ: { $reported }/{ $owing } đơn vị phải báo cáo
    } · quá hạn chưa hoàn thành: { $overdue } phần việc.
report-written = Đã ghi báo cáo { $period } vào { $file } ({ $rows } dòng).
report-bad-extension = --out: chỉ nhận tệp .xlsx, .csv hoặc .json (được «{ $file }»).
report-sheet-assignments = Nhiệm vụ
report-sheet-summary = Tổng hợp đơn vị
report-sheet-cumulative = Lũy kế { $months } tháng
report-col-task = Mã NV
report-col-title = Nhiệm vụ
report-col-agency = Đơn vị chủ trì
report-col-agency-code = Mã đơn vị
report-col-due = Hạn hoàn thành
report-col-reported = Báo cáo trong kỳ
report-col-status = Trạng thái
report-col-progress = Tiến độ (%)
report-col-blocker = Vướng mắc
report-col-eta = Dự kiến hoàn thành
report-col-reporter = Người báo cáo
report-col-time = Thời gian báo cáo
report-col-category = Phân loại
report-col-text = Nội dung báo cáo
report-col-open = Phải báo cáo
report-col-reported-count = Đã báo cáo
report-col-missing = Chưa báo cáo
report-col-timeliness = Tình trạng
report-col-updates-year = Số lần cập nhật từ đầu năm
report-col-status-end = Trạng thái cuối kỳ
report-yes = Có
report-no = Không
report-timeliness-complete = Đủ, đúng hạn
report-timeliness-late = Trễ hạn nộp { $days } ngày
report-timeliness-pending = Chưa đến hạn
report-timeliness-none = Không phải báo cáo

## Cập nhật tiến độ
command-conlai = Việc đơn vị còn phải báo cáo kỳ này
command-capnhat = Cập nhật tiến độ, ví dụ: /capnhat II.2 xong
status-done = hoàn thành
status-in_progress = đang thực hiện
status-not_started = chưa thực hiện
status-blocked = vướng mắc
status-progress-only = tiến độ { $progress }%
status-blocker = vướng: { $blocker }
status-eta = dự kiến xong { $date }
update-recorded = ✅ Đã ghi nhận { $code }: { $details }
update-corrected = ✏️ Đã sửa theo tin nhắn chỉnh sửa — { $code }: { $details }
update-period = (Kỳ báo cáo { $period })
update-not-own = ⛔ { $code } do { $leads } chủ trì; anh/chị chỉ cập nhật được nhiệm vụ của { $agency }.
update-no-lead = ⛔ { $code } chưa có đơn vị chủ trì cụ thể trong kế hoạch, nên chưa thể cập nhật.
update-unknown-task = ❓ Không có nhiệm vụ { $code } trong kế hoạch. Gõ /nhiemvu để xem mã nhiệm vụ.
update-unknown-item = ❓ Không rõ nhiệm vụ số { $index }: hãy gõ /nhiemvu hoặc /conlai để xem danh sách rồi trả lời theo số thứ tự.
update-which-task = Anh/chị cập nhật cho nhiệm vụ nào?
update-which-task-typed = Bấm nút, hoặc gõ mã nhiệm vụ (ví dụ: { $code }).
update-which-task-page = Trang { $page }/{ $pages } ({ $count } nhiệm vụ).
update-which-task-more = Xem tiếp ▶
update-no-open-task = { $agency } không còn nhiệm vụ nào đang mở trong kỳ này. Gõ /nhiemvu để xem danh sách.
update-no-agency = Tài khoản của anh/chị không gắn với đơn vị nào, nên không có nhiệm vụ để cập nhật.
update-usage =
    Cách dùng: /capnhat <mã nhiệm vụ> <tình trạng>
    Ví dụ: /capnhat II.2 xong · /capnhat II.9 đang làm 60% · /capnhat V.3 vướng kinh phí
button-done = ✅ Xong { $code }
button-doing = ⏳ Đang làm { $code }
button-blocked = ⚠️ Vướng { $code }
button-expired = Nút này đã hết hạn (nhiệm vụ không còn trong danh sách). Gõ /conlai để xem việc còn lại.
button-ask-progress = { $code } đang thực hiện — được bao nhiêu phần trăm? Bấm một mức hoặc gõ số (ví dụ: 60).
button-ask-blocker = { $code } đang vướng gì? Gõ ngắn gọn nguyên nhân (ví dụ: thiếu kinh phí).
button-raw-done = [nút] ✅ Xong { $code }
button-raw-percent = [nút] ⏳ { $code } { $value }%
remaining-header = 📌 { $agency } còn { $count } nhiệm vụ chưa báo cáo { $period } (hạn: trước ngày { $deadline }):
remaining-none = { $owed ->
    [0] { $agency } không có nhiệm vụ nào phải báo cáo { $period }.
   *[other] { $overdue ->
        [0] ✅ { $agency } đã báo cáo đủ các nhiệm vụ của { $period }. Cảm ơn!
       *[other] { $agency } đã báo cáo đủ các nhiệm vụ của { $period }.
    }
}
remaining-overdue-header = ⏰ Quá hạn chưa hoàn thành ({ $count } nhiệm vụ) — cần hoàn thành hoặc cập nhật:
remaining-overdue-tag = (⏰ hạn { $due })
remaining-footer = Trả lời theo số thứ tự hoặc mã: «#1 xong», «{ $code } đang làm 60%», hoặc bấm nút bên dưới.
command-cham = Đơn vị nào chưa báo cáo, chậm (điều phối viên)
command-nhac = Nhắc một đơn vị báo cáo ngay, ví dụ: /nhac Sở Y tế
command-tinhhinh = Tình hình một đơn vị hoặc nhiệm vụ, ví dụ: /tinhhinh II.2
command-baocao = Tệp báo cáo quý (Excel), ví dụ: /baocao 2020-Q1

## Nhắc báo cáo theo lịch (reminder-, overdue-, summary-, unreachable-)
reminder-header = ⏰ Nhắc báo cáo { $period } — { $agency }
reminder-deadline = Hạn gửi: trước 00:00 ngày { $deadline }.
reminder-window = Số liệu tính từ { $from } đến { $to }.
reminder-cumulative = Báo cáo lũy kế { $months } tháng.
reminder-owed = Còn { $count } nhiệm vụ chưa cập nhật:
reminder-item = • { $code } — { $title }
reminder-stand-in = ({ $names } đang vắng nên tin nhắc này gửi cho anh/chị.)
reminder-reply = Trả lời tin nhắn này: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí» — hoặc bấm nút bên dưới.
reminder-button-done = ✅ Xong { $code }
reminder-button-doing = ⏳ Đang làm { $code }
reminder-button-blocked = ⚠️ Vướng { $code }
overdue-header = ⚠️ Đã quá hạn báo cáo { $period } (hạn: trước 00:00 ngày { $deadline }) — { $agency }
overdue-owed = Chưa có cập nhật cho { $count } nhiệm vụ:
overdue-reply = Vui lòng cập nhật ngay để kịp tổng hợp. Trả lời tin nhắn này: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí».
summary-header = 📊 Tổng hợp báo cáo { $period } (hạn: trước 00:00 ngày { $deadline })
summary-reported = Đã báo cáo đủ: { $reported }/{ $total } đơn vị.
summary-all-reported = ✅ Tất cả đơn vị đã báo cáo đủ.
summary-late-header = Chưa báo cáo đủ ({ $count }):
summary-late-item = • { $agency }: { $codes }
summary-blocked-header = Nhiệm vụ đang vướng ({ $count }):
summary-blocked-item = • { $code } — { $agency }: { $blocker }
summary-unreachable-header = Không liên lạc được ({ $count }):
summary-unreachable-item = • { $agency } — { $reason }
summary-blocked-bot-header = Tài khoản đã chặn bot ({ $count }):
summary-blocked-bot-item = • { $name } ({ $agency })
unreachable-header = 📵 { $period }: không gửi được tin nhắc cho { $count } đơn vị còn nợ báo cáo:
unreachable-item = • { $agency } — { $reason }
unreachable-footer = Hãy liên hệ trực tiếp, hoặc tạo mã mời cho cán bộ đầu mối khác của đơn vị.
unreachable-reason-nobody-linked = chưa có cán bộ đầu mối liên kết với bot
unreachable-reason-away = cán bộ đầu mối đang vắng
unreachable-reason-blocked = cán bộ đầu mối đã chặn bot
unreachable-reason-away-or-blocked = cán bộ đầu mối đang vắng hoặc đã chặn bot

## Báo vắng (away-)
command-vang = Báo vắng (nghỉ phép, công tác) đến một ngày, ví dụ: /vang 15/3
away-set = 🏖️ Đã ghi nhận: anh/chị vắng đến hết ngày { $until }. Trong thời gian này bot không gửi nhắc báo cáo cho anh/chị.
away-stand-ins = Các cán bộ khác của { $agency } vẫn nhận nhắc: { $names }.
away-no-stand-in = { $agency } không còn cán bộ nào khác nhận nhắc — điều phối viên sẽ được báo là đơn vị tạm thời không liên lạc được.
away-cancel-hint = Đi làm lại sớm hơn? Gõ /vang huy.
away-cancelled = 👋 Chào mừng trở lại! Bot sẽ gửi nhắc báo cáo cho anh/chị như thường.
away-none = Anh/chị chưa báo vắng. Ví dụ: /vang 15/3 hoặc nhắn «nghỉ phép đến 15/3».
away-current = Anh/chị đang báo vắng đến hết ngày { $until }. Gõ /vang huy để hủy.
away-bad-date = Không hiểu ngày «{ $text }». Ví dụ: /vang 15/3 (vắng đến hết ngày 15/3), hoặc /vang huy để hủy.

## Lịch báo cáo và lượt chạy (calendar-, tick-)
calendar-header = Lịch báo cáo năm { $year } (múi giờ { $zone }):
calendar-none = Năm { $year } không có kỳ báo cáo nào.
calendar-period = { $period } — hạn: trước 00:00 ngày { $deadline }
calendar-window = Số liệu: { $from } – { $to }
calendar-cumulative = Lũy kế: { $months } tháng
calendar-no-cumulative = Lũy kế: —
calendar-reminder = Nhắc (trước hạn { $offsets } ngày): { $at }
calendar-reminder-shifted = Nhắc (trước hạn { $offsets } ngày): { $at } — dời từ { $nominal } vì ngày nghỉ
calendar-overdue = Báo quá hạn và tổng hợp: { $at }
calendar-overdue-shifted = Báo quá hạn và tổng hợp: { $at } — dời từ { $nominal } vì ngày nghỉ
tick-planned = Lượt chạy lúc { $at } (kỳ { $period }): thêm { $count } tin vào hàng đợi.
tick-planned-kind = • { $kind }: { $count }
tick-delivered = Đã gửi { $sent }, lỗi { $failed }, bỏ qua vì quá hạn { $skipped }, thử lại { $retries } lần.
tick-failure = • { $key }: { $reason }
tick-no-channel = Không có kênh gửi (chưa đặt BOT_TOKEN) — tin nhắn chờ trong hàng đợi.
tick-pending = Còn { $count } tin chờ gửi.
tick-unreachable = Không liên lạc được: { $agencies }

## Lỗi dòng lệnh (một dòng trên stderr)
cli-bad-at = --at: «{ $value }» không phải thời điểm ISO 8601 (ví dụ 2020-03-10T09:00:00+07:00).
cli-import-no-source = import: hãy chỉ ra một tệp (.json, .csv, .xlsx) hoặc dùng --builtin.
cli-import-two-sources = import: chỉ chọn một trong hai — một tệp, hoặc --builtin.
cli-import-unreadable = import: không đọc được tệp — { $problem }
cli-import-nothing-valid = import: không đọc được nhiệm vụ hợp lệ nào, chưa nhập gì.
cli-backup-postgres = backup: lệnh này sao lưu cơ sở dữ liệu SQLite; với PostgreSQL hãy dùng pg_dump.
cli-backup-memory = backup: không sao lưu được cơ sở dữ liệu trong bộ nhớ (sqlite::memory:).
cli-backup-failed = backup: sao lưu không thành công — { $problem }
cli-agency-bad-kind = agencies add: --kind phải là một trong { $kinds } (nhận được «{ $kind }»).
cli-agency-bad-code = agencies add: --code chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (nhận được «{ $code }»).
cli-invite-bad-role = invite: --role phải là official hoặc coordinator (nhận được «{ $role }»).
calendar-bad-year = calendar: --year phải là một năm từ { $min } đến { $max } (nhận được «{ $value }»).
report-write-failed = report: không ghi được { $file } — { $problem }
agency-error-empty-name = Tên đơn vị đang để trống.
agency-error-exists = «{ $name }» đã có trong danh sách: { $code } ({ $existing }).
agency-error-code-taken = Mã { $code } đã được dùng cho đơn vị khác.
agency-error-unknown = Không có đơn vị nào khớp với «{ $agency }». Gõ «nhacviec agencies» để xem danh sách.
agency-error-name-taken = «{ $name }» đã là tên hoặc tên gọi khác của { $code } ({ $existing }).
invite-error-needs-agency = invite: mã mời cho cán bộ đầu mối cần --agency (mã hoặc tên đơn vị).
weekly-header = 📊 Tóm tắt tuần — { $date }
unsupported-message = Bot chỉ đọc được tin nhắn chữ (hoặc chú thích kèm ảnh, tệp). Hãy gõ, ví dụ: «II.2 xong», «II.9 đang làm 60%».
outbox-kind-reminder = nhắc báo cáo
outbox-kind-overdue = báo trễ hạn
outbox-kind-summary = tổng hợp cuối kỳ
outbox-kind-weekly = tóm tắt tuần
outbox-kind-nudge = nhắc theo yêu cầu
outbox-kind-unreachable = đơn vị không liên lạc được
