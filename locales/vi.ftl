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
    Đã liên kết trên Telegram hoặc Zalo? Gõ /lienket ở đó để lấy mã, rồi gửi mã vào đây.
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
link-private-only = 🔒 Liên kết tài khoản chỉ làm trong cuộc trò chuyện riêng với bot, để tin nhắc và nút bấm không hiện cho cả nhóm. Anh/chị mở trò chuyện riêng với bot rồi gửi lại mã mời ở đó (mã vẫn còn dùng được).
link-code-created =
    🔗 Mã liên kết: { $code } (dùng được một lần, trong { $minutes } phút).
    Trên kênh còn lại (Zalo hoặc Telegram), anh/chị nhắn cho bot: /lienket { $code }
link-code-needs-linked = Anh/chị chưa liên kết kênh này. Trên kênh đã liên kết, gõ /lienket để lấy mã, rồi gửi ở đây: /lienket <mã>. Nếu chưa liên kết kênh nào, hãy xin mã mời từ điều phối viên.
link-code-already-here = Tài khoản này đã được liên kết, không cần mã liên kết nữa. Gõ /kenh để chọn kênh nhận tin nhắc.
link-code-invalid = ❌ Mã liên kết không đúng. Anh/chị kiểm tra lại, hoặc gõ /lienket trên kênh đã liên kết để lấy mã mới.
link-code-used = ❌ Mã liên kết này đã được dùng. Gõ /lienket trên kênh đã liên kết để lấy mã mới.
link-code-expired = ❌ Mã liên kết này đã hết hạn. Gõ /lienket trên kênh đã liên kết để lấy mã mới.
link-code-same-channel = Mã liên kết này dùng trên kênh còn lại (Zalo hoặc Telegram), không phải kênh đã tạo ra nó.
channel-telegram = Telegram
channel-zalo = Zalo
channel-console = bảng điều khiển
channels-choice-telegram = chỉ Telegram
channels-choice-zalo = chỉ Zalo
channels-choice-both = cả hai kênh
channels-shown =
    📡 Kênh đã liên kết: { $linked }.
    Tin nhắc theo lịch gửi tới: { $choice }.
    Đổi bằng: /kenh telegram, /kenh zalo hoặc /kenh cahai. Thêm kênh: /lienket
channels-chosen = ✅ Từ nay tin nhắc theo lịch gửi tới: { $choice }.
channels-not-linked = Anh/chị chưa liên kết { $channel }. Gõ /lienket để lấy mã, rồi gửi mã đó trên { $channel }.
channels-unknown-choice = Chưa hiểu «{ $choice }». Anh/chị gõ /kenh telegram, /kenh zalo hoặc /kenh cahai.
greeting-linked = Chào { $name }! Anh/chị đang là { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Gõ /trogiup để xem hướng dẫn.

## Trợ giúp
# /trogiup: lời mở đầu theo vai trò, rồi mỗi lệnh vai trò đó dùng một dòng (theo src/conversation/routes.ts).
help-official = Nhắc Việc nhắc đơn vị báo cáo tiến độ trước các ngày 20/3, 20/6, 20/9 và 20/12.
help-coordinator = Anh/chị là điều phối viên: anh/chị theo dõi tiến độ của tất cả các đơn vị.
help-commands = Các lệnh:
help-nhiemvu = /nhiemvu — các nhiệm vụ đơn vị anh/chị chủ trì
help-nhiemvu-coordinator = /nhiemvu — nhiệm vụ của đơn vị anh/chị (nếu có)
help-conlai = /conlai — việc đơn vị còn phải báo cáo kỳ này
help-capnhat = /capnhat II.2 xong — cập nhật tiến độ (hoặc nhắn thẳng: «II.9 đang làm 60%», «V.3 vướng kinh phí»)
help-cham =
    /cham — đơn vị nào chưa báo cáo, trễ hạn, vướng mắc (hoặc hỏi: «ai chưa báo cáo?»); /cham 2020-Q2 — một kỳ đã qua; /cham CDS2026 — chỉ một kế hoạch (mã ngắn của kế hoạch; mặc định: mọi kế hoạch)
    /cham quahan — các phần việc quá hạn chưa hoàn thành, theo đơn vị
help-tinhhinh = /tinhhinh Sở Y tế — tình hình một đơn vị; /tinhhinh II.2 — tình hình một nhiệm vụ
help-nhac = /nhac Sở Y tế — nhắc ngay cán bộ đầu mối của đơn vị (tối đa một lần mỗi giờ)
help-baocao = /baocao 2020-Q1 — báo cáo quý: dự thảo văn bản (Word), phụ lục (Excel) hoặc biểu đồ; thêm mã kế hoạch (/baocao 2020-Q1 CDS2026) để chỉ lấy một kế hoạch
help-bieudo = /bieudo 2020-Q3 — biểu đồ tiến độ theo đơn vị (thêm mã kế hoạch để chỉ lấy một kế hoạch)
help-chitieu = /chitieu — các chỉ tiêu của đơn vị; báo cáo số liệu: «chỉ tiêu 2: 45%»
help-chitieu-coordinator = /chitieu — bảng chỉ tiêu của tỉnh kỳ này: kết quả, lũy kế, đạt hay chưa, đơn vị chưa báo cáo
help-vang = /vang 15/3 — báo vắng đến hết ngày 15/3, tạm không nhận nhắc (hoặc nhắn «nghỉ phép đến 15/3»)
help-kenh = /kenh — kênh nhận tin nhắc theo lịch (Telegram, Zalo hoặc cả hai)
help-lienket = /lienket — lấy mã để liên kết thêm Zalo hoặc Telegram với cùng tài khoản
help-trogiup = /trogiup — hướng dẫn này
command-start = Liên kết tài khoản bằng mã mời
command-nhiemvu = Nhiệm vụ đơn vị tôi chủ trì
command-kenh = Chọn kênh nhận tin nhắc (Telegram, Zalo, cả hai)
command-lienket = Liên kết thêm Zalo hoặc Telegram
command-trogiup = Hướng dẫn sử dụng

## Nhiệm vụ
tasks-header = 📋 Nhiệm vụ { $agency } chủ trì trong năm { $year } ({ $count }):
tasks-item = { $index }. { $code } — { $title }
task-in-plan = { $plan } { $code }
tasks-none = { $agency } hiện không chủ trì nhiệm vụ nào trong kế hoạch.
tasks-none-this-year = (Không có nhiệm vụ nào đang thực hiện trong năm { $year }.)
tasks-other-header = Các nhiệm vụ khác (không thuộc năm { $year } hoặc đang tạm dừng) — { $count }:
tasks-footer = Trả lời theo mẫu: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí».
tasks-no-agency = Tài khoản của anh/chị không gắn với đơn vị nào, nên không có nhiệm vụ riêng.
plan-ended =
    📅 Kế hoạch đã kết thúc năm { $year }: { $plans }
    Năm { $current } không còn kỳ báo cáo nào, nên bot không gửi nhắc báo cáo; việc chưa hoàn thành vẫn được tính là quá hạn.
plan-ended-hint = Khi có kế hoạch mới, bot sẽ nhắc và theo dõi như thường lệ.
plan-ended-console-hint = Để thử một quý đang diễn ra: gõ «:ngay { $date }» ở đây, hoặc chạy «npm start -- --at { $iso }».

## Chung
unknown-command = Bot không có lệnh /{ $command }. Gõ /trogiup để xem các lệnh.
not-understood =
    Bot chưa hiểu tin nhắn này. Ví dụ cách báo cáo:
    «II.2 xong» · «II.9 đang làm 60%» · «V.3 vướng kinh phí»
    Gõ /trogiup để xem hướng dẫn.
update-later =
    Dạ, bot chưa ghi nhận gì từ tin nhắn này. Khi có kết quả, anh/chị nhắn mã nhiệm vụ và tình trạng, ví dụ:
    «II.2 xong» · «II.9 đang làm 60%» · «V.3 vướng kinh phí»
update-task-question =
    Bot ghi nhận tiến độ nhiệm vụ, chưa trả lời được câu hỏi này. Gõ /nhiemvu để xem các nhiệm vụ đơn vị anh/chị chủ trì.
    Để báo cáo, anh/chị nhắn mã nhiệm vụ và tình trạng, ví dụ: «II.2 xong» · «II.9 đang làm 60%» · «V.3 vướng kinh phí»
internal-error = ⚠️ Bot gặp sự cố khi xử lý tin nhắn này. Tin nhắn chưa được ghi nhận — vui lòng gửi lại sau ít phút.
database-busy = ⏳ Dữ liệu đang được cập nhật ở nơi khác nên tin nhắn này chưa được ghi nhận. Anh/chị vui lòng gửi lại sau ít phút.
database-vanished = ⚠️ Bot đang gặp sự cố với tệp dữ liệu nên đã tạm ngừng ghi nhận: tin nhắn này chưa được ghi nhận. Anh/chị vui lòng gửi lại sau khi quản trị viên khắc phục.

## Cửa sổ dòng lệnh (console)
console-banner =
    Nhắc Việc — chế độ console (chưa đặt BOT_TOKEN hay ZALO_BOT_TOKEN nên bot chạy ngay trong cửa sổ này).
    Để chạy trên Zalo: tạo bot trong Zalo Bot Creator (bot.zapps.me), chép mã bot vào ZALO_BOT_TOKEN rồi chạy lại npm start.
    Cơ sở dữ liệu: { $database }
console-simulated-clock = Đồng hồ mô phỏng: { $at } (chạy theo thời gian thực).
console-plans-loaded = Đã nạp { $count } kế hoạch có sẵn (xem: npx nhacviec plans):
console-plan-loaded = { $plan } — { $title } ({ $span }, { $tasks } nhiệm vụ)
console-demo-invites = Để thử, liên kết bằng mã mời dưới đây (mỗi mã dùng một lần):
console-demo-invite-official = cán bộ đầu mối { $agency }:  /start { $code }
console-demo-invite-coordinator = điều phối viên:  /start { $code }
console-linked-users = Đã liên kết trong console: { $users }. «:nguoi <tên>» để nhắn với tư cách người đó.
console-linked-user = { $user } ({ $role ->
        [coordinator] điều phối viên
       *[official] cán bộ { $agency }
    })
console-invite-hint = Cần thêm mã mời: npx nhacviec invite --agency { $agency } --role official (hoặc --role coordinator, không cần --agency).
console-usage =
    Gõ tin nhắn rồi Enter. «:nguoi <tên>» để đổi người gửi (thử cả hai vai), «:bam <số>» để bấm nút, «:ngay 13/3/2020» để chuyển đồng hồ, «:trogiup» để xem các lệnh của console, «:thoat» để thoát.
console-help =
    Lệnh của console (trả lời ngay tại đây, không gửi tới bot):
      :nguoi <tên>        nhắn với tư cách người khác, ví dụ «:nguoi dieuphoi»
      :bam <số>           bấm nút số đó của tin nhắn gần nhất gửi người đang nhắn
      :ngay               xem đồng hồ của console
      :ngay <ngày [giờ]>  chuyển đồng hồ tới đó và chạy lịch nhắc ngay, ví dụ «:ngay 13/3/2020», «:ngay 13/3/2020 08:00», «:ngay 2020-03-13T08:00»
      :trogiup            danh sách này
      :thoat              thoát (hoặc Ctrl-D)
    Các lệnh của bot: gõ /trogiup.
console-user-switched = (Anh/chị đang nhắn với tư cách «{ $user }».)
console-user-missing = (Gõ «:nguoi <tên>», ví dụ «:nguoi dieuphoi».)
console-prompt = { $user }>
console-document-saved = 📎 Đã lưu tệp: { $path }
console-no-button = (Không có nút số { $number } trong tin nhắn gần nhất gửi «{ $user }».)
console-press-missing = (Gõ «:bam <số>», ví dụ «:bam 1» để bấm nút số 1 của tin nhắn gần nhất.)
console-clock = 🕗 Đồng hồ của console: { $at }. Gõ «:ngay 13/3/2020» hoặc «:ngay 13/3/2020 08:00» để chuyển tới ngày khác.
console-clock-moved = 🕗 Đã chuyển đồng hồ tới { $at }; đồng hồ chạy tiếp theo thời gian thực.
console-bad-date = (Không đọc được ngày giờ «{ $value }». Ví dụ: «:ngay 13/3/2020», «:ngay 13/3/2020 08:00», «:ngay 2020-03-13T08:00».)
console-unknown-command = (Console không có lệnh «{ $command }». Gõ «:trogiup» để xem các lệnh.)
console-delivered = 📬 Tin nhắn theo lịch gửi tới «{ $user }»:
console-bye = Tạm biệt!

## Khởi động
start-telegram = Kênh Telegram đang chạy (long polling) với bot @{ $username }.
start-telegram-webhook = Kênh Telegram đang chạy (webhook { $url }) với bot @{ $username }.
start-http = Máy chủ HTTP đang nghe ở cổng { $port } (/healthz, webhook, liên kết tệp).
telegram-getme-failed = Hỏi Telegram thông tin bot (getMe) lần { $attempt }/{ $attempts } không thành công: { $problem }
telegram-no-answer = không có trả lời sau { $seconds } giây
telegram-token-refused = Telegram từ chối mã bot (BOT_TOKEN sai hoặc đã bị thu hồi): hãy lấy lại mã từ @BotFather và đặt vào BOT_TOKEN.
zalo-start = Kênh Zalo đang chạy (long polling) với bot { $name }.
zalo-start-webhook = Kênh Zalo đang chạy (webhook { $url }) với bot { $name }.
zalo-getme-failed = Hỏi Zalo thông tin bot (getMe) lần { $attempt }/{ $attempts } không thành công: { $problem }
zalo-token-refused = Zalo từ chối mã bot (ZALO_BOT_TOKEN sai hoặc đã bị thu hồi): hãy lấy lại mã trong Zalo Bot Creator và đặt vào ZALO_BOT_TOKEN.
zalo-unreachable = Không kết nối được Zalo Bot API tại { $apiRoot } sau { $attempts } lần thử ({ $problem }): hãy kiểm tra mạng, tường lửa hoặc proxy, và ZALO_API_ROOT.
zalo-poll-failed = Hỏi Zalo tin nhắn mới (getUpdates) không thành công: { $problem }; thử lại sau { $seconds } giây.
telegram-unreachable = Không kết nối được Telegram Bot API tại { $apiRoot } sau { $attempts } lần thử ({ $problem }): hãy kiểm tra mạng, tường lửa hoặc proxy, và TELEGRAM_API_ROOT.
config-error = Cấu hình sai — { $key }: { $problem }
config-error-got = Cấu hình sai — { $key }: { $problem } (nhận được «{ $got }»)
config-invalid = giá trị không hợp lệ
config-expected-bot-token = không giống mã bot do @BotFather cấp (dạng <số>:<khoảng 35 chữ, số, - hoặc _>); hãy chép lại mã từ @BotFather
config-expected-zalo-token = không giống mã bot Zalo (một chuỗi liền, ít nhất 20 chữ, số, :, - hoặc _); hãy chép lại mã trong Zalo Bot Creator
config-expected-database-url = cần sqlite:<đường dẫn tệp> hoặc postgres://người_dùng:mật_khẩu@máy_chủ/tên_csdl
config-sqlite-without-path = sau sqlite: cần đường dẫn tệp, ví dụ sqlite:./data/nhacviec.sqlite
config-expected-url = cần một địa chỉ http(s)
config-expected-positive = cần một số nguyên dương
config-expected-port = cần số cổng từ 1 đến 65535
config-unknown-time-zone = không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)
config-expected-log-level = cần một trong fatal, error, warn, info, debug, trace, silent
config-expected-locale = cần vi hoặc en
config-expected-time = cần giờ dạng HH:MM, ví dụ 08:00
config-expected-hours = cần khoảng giờ BẮT ĐẦU-KẾT THÚC, ví dụ 20-7
config-expected-days = cần các số ngày cách nhau bằng dấu phẩy, ví dụ 7,3,1
config-expected-weekly = cần «off» hoặc thứ và giờ, ví dụ «mon 08:00» hay «t2 08:00»
config-webhook-secret-required = phải đặt khi đã đặt WEBHOOK_URL
config-expected-https-url = cần một địa chỉ https:// (Telegram và Zalo chỉ gửi tới HTTPS)
config-expected-webhook-secret = cần 8–256 ký tự, chỉ gồm chữ không dấu, số, _ hoặc -
config-expected-file-link-hours = cần số giờ từ 1 đến 24
db-missing = Chưa có cơ sở dữ liệu tại { $database }: hãy chạy `nhacviec migrate` (và `nhacviec import`) trước.
db-vanished-running = Tệp cơ sở dữ liệu { $database } đã bị xoá hoặc thay thế khi bot đang chạy: bot ngừng nhận tin nhắn và gửi tin theo lịch (Telegram giữ tin chưa nhận tới 24 giờ). Hãy khôi phục tệp (từ bản sao lưu) rồi khởi động lại bot.
db-folder-unusable = Không tạo được thư mục { $folder } cho cơ sở dữ liệu ({ $problem }): hãy sửa đường dẫn trong DATABASE_URL, hoặc tạo thư mục đó và cho phép ghi vào.
db-cannot-open = Không mở được cơ sở dữ liệu { $database } ({ $problem }): hãy kiểm tra đường dẫn trong DATABASE_URL và quyền ghi vào tệp cùng thư mục chứa nó.
db-read-only = Cơ sở dữ liệu { $database } chỉ đọc được, không ghi được: hãy cho phép ghi vào tệp và thư mục chứa nó, hoặc chọn tệp khác trong DATABASE_URL.
db-not-database = { $database } không phải tệp cơ sở dữ liệu SQLite: hãy sửa đường dẫn trong DATABASE_URL.
db-unreachable = Không kết nối được PostgreSQL tại { $database } ({ $problem }): hãy kiểm tra máy chủ PostgreSQL đang chạy, và địa chỉ, cổng trong DATABASE_URL.
db-failed = Lỗi cơ sở dữ liệu { $database }: { $problem }

## Dòng lệnh nhacviec (cho quản trị)
kind-department = sở
kind-sector = ngành
kind-district = cấp huyện
kind-commune = xã
kind-ward = phường
kind-other = khác
cli-migrated = Đã áp dụng migration: { $names }
cli-migrate-none = Cơ sở dữ liệu đã ở phiên bản mới nhất.
cli-import-plan-created = Đã nạp kế hoạch mới { $plan }: đọc được { $tasks } nhiệm vụ.
cli-import-plan-updated = Đã cập nhật kế hoạch { $plan }: đọc được { $tasks } nhiệm vụ.
cli-import-dry-run-plan-created = CHẠY THỬ (--dry-run), chưa ghi gì. Nếu nhập thật: tạo kế hoạch mới { $plan }, đọc được { $tasks } nhiệm vụ.
cli-import-dry-run-plan-updated = CHẠY THỬ (--dry-run), chưa ghi gì. Nếu nhập thật: cập nhật kế hoạch { $plan }, đọc được { $tasks } nhiệm vụ.
cli-import-plan-closed = Kế hoạch { $plan } đã đóng ngày { $on }: giữ nguyên như lúc đóng, không nhập gì vào kế hoạch này và không giao thêm việc.
cli-import-dry-run-plan-closed = CHẠY THỬ (--dry-run), chưa ghi gì. Kế hoạch { $plan } đã đóng ngày { $on }: nhập thật cũng giữ nguyên, không nhập gì vào kế hoạch này.
cli-import-dry-run-no-database = Chưa có cơ sở dữ liệu { $path }: chạy thử trên một cơ sở dữ liệu trống, không tạo tệp nào.
cli-import-dry-run-end = Chạy thử xong: cơ sở dữ liệu không thay đổi. Bỏ --dry-run để nhập thật.
cli-import-added = Thêm mới ({ $count })
cli-import-changed = Thay đổi ({ $count })
cli-import-retired = Ngừng theo dõi vì không còn trong tệp ({ $count })
cli-import-agencies = Đơn vị mới ({ $count })
cli-import-agency-created = { $code } ({ $name }, loại: { $kind })
cli-import-assignments = Phân công chủ trì: thêm { $added }, ngừng { $retired }
cli-import-without-lead = Nhiệm vụ chưa có đơn vị chủ trì cụ thể ({ $count })
cli-import-named-ended = Đơn vị đã giải thể, không giao thêm việc (sửa ô trong tệp thành đơn vị tiếp nhận rồi nhập lại) ({ $count })
cli-import-problems = Không nhập vì không đọc được ({ $count }):
cli-import-warnings = Đã nhập nhưng cần xem lại ({ $count }):
cli-import-row = dòng { $row }
cli-import-tasks = nhiệm vụ { $tasks }
cli-import-unknown-header = Tên đơn vị không có trong danh sách ({ $count }):
cli-import-unknown-agency = «{ $name }» ({ $where }): không có trong danh sách đơn vị; gần nhất: { $closest }
cli-import-unknown-agency-none = «{ $name }» ({ $where }): không có trong danh sách đơn vị, cũng không có tên nào gần giống
indicators-import-builtin = Đã nạp { $count } chỉ tiêu của kế hoạch.
indicators-import-done = Đã nạp chỉ tiêu của kế hoạch { $plan }: đọc được { $count } chỉ tiêu.
indicators-import-dry-run = CHẠY THỬ (--dry-run), chưa ghi gì. Nếu nhập thật: kế hoạch { $plan }, đọc được { $count } chỉ tiêu.
indicators-import-changes = Thêm mới { $added }, thay đổi { $changed }, ngừng theo dõi { $retired }.
indicators-import-retired = Chỉ tiêu ngừng theo dõi vì không còn trong tệp: { $numbers }
import-problem-orphan-continuation = dòng không có số thứ tự và không có nhiệm vụ nào ở trên để nối tiếp
import-problem-bad-number = số thứ tự «{ $number }» không phải số La Mã (mục) hay số nguyên (nhiệm vụ)
import-problem-task-before-section = nhiệm vụ { $number } nằm trước mọi dòng mục (I, II, …)
import-problem-task-again = nhiệm vụ { $task } lặp lại (đã có ở dòng { $first })
import-problem-task-no-title = nhiệm vụ { $task } không có tên
import-problem-task-no-lead = nhiệm vụ { $task } không có cơ quan chủ trì
import-problem-section-again = mục { $section } lặp lại (đã có ở dòng { $first }); các nhiệm vụ bên dưới được gộp vào mục đó
import-problem-section-no-title = mục { $section } không có tên
import-problem-section-empty = mục { $section } không có nhiệm vụ nào
import-problem-section-cells-ignored = mục { $section }: các ô bên cạnh tên mục bị bỏ qua vì mục đã có nhiệm vụ riêng
import-problem-section-missing = nhiệm vụ { $task }: không có mục { $section }
import-problem-unreadable-timeframe = nhiệm vụ { $task }: không đọc được thời gian «{ $text }»; { $fallback ->
        [others] năm và hạn được tính theo các ô thời gian còn lại
       *[span] nhiệm vụ được theo dõi mọi năm của kế hoạch và không có hạn
    }
import-problem-json-field = { $place }: { $expected ->
        [missing] thiếu trường «{ $field }»
        [empty] trường «{ $field }» đang để trống
        [text] trường «{ $field }» phải là chữ
        [text-list] trường «{ $field }» phải là danh sách chữ
        [text-items] mọi phần tử của «{ $field }» phải là chữ
        [whole-number] trường «{ $field }» phải là số nguyên dương
        [yes-no] trường «{ $field }» phải là true hoặc false
        [list] trường «{ $field }» phải là danh sách
        [object] phải là một đối tượng JSON
       *[invalid] trường «{ $field }» không hợp lệ
    }
import-problem-json-section-skipped = { $place }: bỏ qua mục này cùng { $count } nhiệm vụ của nó
import-problem-json-section-again = { $place }: mục { $section } đã có ở trên; các nhiệm vụ được gộp vào mục đó
import-problem-json-code-form = { $place }: mã «{ $code }» không có dạng { $section }.<số>
import-problem-json-code-section = { $place }: mã «{ $code }» không thuộc mục { $section }
import-problem-json-no-code = { $place }: không có mã (code) cũng không có số thứ tự (number)
import-problem-json-code-number = { $place }: mã «{ $code }» không khớp với số thứ tự { $number }
import-problem-json-task-again = { $place }: nhiệm vụ { $task } đã có ở trên; bỏ qua lần này
cli-agencies-header = { $count } đơn vị:
cli-agency-added = Đã thêm đơn vị { $code }: { $name }
cli-agency-renamed = Đã đổi tên đơn vị { $code } thành: { $name } (tên cũ vẫn được nhận ra)
cli-agency-ended-merged = (đã sáp nhập vào { $into } từ { $on })
cli-agency-ended-dissolved = (đã giải thể từ { $on })
cli-agency-merge-header = { $dryRun ->
    [yes] Chạy thử (chưa ghi gì): sáp nhập { $agency } vào { $into } từ ngày { $on }.
   *[no] Đã sáp nhập { $agency } vào { $into } từ ngày { $on }.
}
cli-agency-dissolve-header = { $dryRun ->
    [yes] Chạy thử (chưa ghi gì): giải thể { $agency } từ ngày { $on }{ $to ->
        [none] {""}
       *[other] , công việc chuyển cho { $to }
    }.
   *[no] Đã giải thể { $agency } từ ngày { $on }{ $to ->
        [none] {""}
       *[other] , công việc chuyển cho { $to }
    }.
}
cli-agency-passed = Chuyển { $count } nhiệm vụ đang mở (lịch sử trước ngày đó vẫn thuộc { $agency }):
cli-agency-passed-line =   { $code } → { $to }
cli-agency-already-led = { $code }: { $agencies } đã chủ trì sẵn nhiệm vụ này
cli-agency-kept-done = Giữ lại { $count } nhiệm vụ đã hoàn thành trước ngày đó (vẫn ghi cho { $agency }): { $codes }
cli-agency-needing-owner = ⚠️ { $count } nhiệm vụ chưa có đơn vị nhận, cần giao lại: { $codes }
cli-agency-nothing-open = { $agency } không còn nhiệm vụ nào đang mở để chuyển.
cli-agency-people-moved = Cán bộ chuyển sang { $into }: { $names }
cli-agency-people-relink = Cán bộ cần liên kết lại với đơn vị mới (tạo mã mời: nhacviec invite --agency <đơn vị>): { $names }
cli-agency-invites-moved = { $count } mã mời chưa dùng nay dẫn tới { $into }.
cli-agency-invites-withdrawn = { $count } mã mời chưa dùng đã bị thu hồi (đơn vị không còn nữa); tạo mã mới cho đơn vị tiếp nhận: nhacviec invite --agency <đơn vị>.
cli-agency-alias = Từ nay «{ $agency }» được hiểu là { $into }.
cli-agency-bad-date = agencies { $command }: --on «{ $value }» không phải một ngày (cần dạng YYYY-MM-DD, ví dụ 2025-03-01).
cli-agency-date-ahead = agencies { $command }: ngày { $on } chưa đến; anh/chị ghi việc sáp nhập, giải thể từ ngày đó trở đi.
cli-agencies-imported = Đã nạp danh sách xã, phường từ { $file }: thêm { $added }, cập nhật { $updated }, giữ nguyên { $unchanged }.
cli-agencies-import-row = { $file } dòng { $row }: { $problem }
cli-agencies-import-no-header = { $file }: không thấy dòng tiêu đề có cột «Tên» (name); cần các cột Tên, Loại (xã/phường), Mã.
cli-agencies-import-refused = agencies import: { $file } có { $count } dòng lỗi, chưa nạp gì; anh/chị sửa các dòng trên rồi chạy lại.
cli-agencies-import-unreadable = agencies import: không đọc được { $file } — { $problem }
plans-header = { $count } kế hoạch:
plans-none = Chưa có kế hoạch nào. Nạp kế hoạch: nhacviec import <tệp> (hoặc nhacviec import --builtin).
plans-line = { $short } · { $code } · { $span } · { $status }
plans-span-first-report = { $span }, báo cáo từ { $period }
plans-status = { $status ->
        [closed] đã đóng ngày { $on }
        [ended] đã hết thời hạn (năm cuối { $last })
       *[open] đang theo dõi
    }
plans-counts = { $sections } mục, { $tasks } nhiệm vụ, { $assignments ->
        [0] không còn phần việc nào đang giao
       *[other] { $assignments } phần việc đang giao cho { $agencies } đơn vị chủ trì
    }, { $updates } cập nhật đã lưu
plans-close-header = { $dryRun ->
        [yes] Chạy thử (chưa ghi gì): đóng kế hoạch { $plan } ({ $title }) lúc { $at }.
       *[no] Đã đóng kế hoạch { $plan } ({ $title }) lúc { $at }.
    }
plans-close-ended = { $dryRun ->
        [yes] Sẽ kết thúc
       *[no] Đã kết thúc
    } { $assignments } phần việc đang giao của { $tasks } nhiệm vụ; { $count } đơn vị chủ trì thôi nhận nhắc về kế hoạch này: { $agencies }
plans-close-nothing-open = Kế hoạch không còn phần việc nào đang giao.
plans-close-history = Các cập nhật đã lưu giữ nguyên; báo cáo các kỳ trước ngày { $on } vẫn xem được như trước.
plans-close-dry-run-end = Bỏ --dry-run để đóng thật.
agency-import-empty-name = cột Tên đang để trống
agency-import-bad-kind = Loại «{ $kind }» không phải xã hoặc phường
agency-import-bad-code = Mã «{ $code }» chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang
agency-import-code-taken = Mã { $code } đã dùng cho { $existing }
agency-import-repeated = «{ $name }» đã có ở dòng { $row }
cli-invite-created = Mã mời { $role } — { $agency }
cli-invite-code = Mã
cli-invite-link = Liên kết Telegram
cli-invite-no-link = (chưa biết tên bot: đặt BOT_USERNAME hoặc BOT_TOKEN)
cli-invite-expires = Hết hạn
cli-invite-line = { $agency } · { $role } · { $code } · { $link } · hết hạn { $expires }
cli-invite-written = Đã ghi { $count } mã mời vào { $file }.
cli-invite-no-link-note = Chưa có liên kết Telegram vì chưa biết tên bot: đặt BOT_USERNAME hoặc BOT_TOKEN rồi tạo lại, hoặc gửi mã để nhắn «/start <mã>» cho bot.
invite-sheet = Mã mời
invite-col-agency = Đơn vị
invite-col-agency-code = Mã đơn vị
invite-col-role = Vai trò
invite-col-code = Mã mời
invite-col-link = Liên kết Telegram
invite-col-expires = Hết hạn
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
behind-blocked-line = • { $code } · { $agency } — { $blocker } ({ $days } ngày)
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
behind-plan-unknown = Không có kế hoạch «{ $plan }». Các kế hoạch: { $codes }.
behind-plan-only = Chỉ tính kế hoạch { $plan }.
behind-plan-ended-open = ℹ️ Kế hoạch { $plan } đã hết thời hạn (năm cuối { $year }) nhưng chưa đóng, nên việc còn dở của kế hoạch này vẫn tính là quá hạn. Nếu không theo dõi nữa, quản trị viên đóng kế hoạch: nhacviec plans close { $plan }
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
report-usage = Gõ /baocao để chọn báo cáo kỳ hiện tại, hoặc /baocao 2020-Q1; /baocao word 2020-Q1 hoặc /baocao excel 2020-Q1 để nhận ngay tệp; thêm mã kế hoạch (CDS2026) để chỉ lấy một kế hoạch.
report-caption =
    Báo cáo { $period } (số liệu đến { $asOf }): { $tasks } nhiệm vụ, { $assignments } phần việc (nhiệm vụ × đơn vị chủ trì) của { $agencies } đơn vị.
    { $owing ->
        [0] Không đơn vị nào phải báo cáo kỳ này
       *[other] Đã báo cáo đủ: { $reported }/{ $owing } đơn vị phải báo cáo
    } · quá hạn chưa hoàn thành: { $overdue } phần việc.
report-file-name = bao-cao-{ $key }.xlsx
report-written = Đã ghi báo cáo { $period } vào { $file } ({ $rows } dòng).
report-bad-extension = --out: chỉ nhận tệp .docx, .xlsx, .csv, .json hoặc .png (được «{ $file }»).
cli-plan-unknown = --plan: không có kế hoạch «{ $plan }»; các kế hoạch: { $codes } (mã ngắn, viết hoa hay thường đều được, hoặc mã đầy đủ).
report-docx-written = Đã ghi dự thảo báo cáo { $period } (mẫu Nghị định 30/2020/NĐ-CP) vào { $file }.
chart-written = Đã ghi biểu đồ { $period } ({ $agencies } đơn vị) vào { $file }.
report-choose = Anh/chị chọn loại tệp bên dưới: báo cáo (Word, theo mẫu Nghị định 30/2020/NĐ-CP), phụ lục số liệu (Excel) hoặc biểu đồ.
indicator-value-percent = { $value }%
indicator-value-rank = hạng { $value }
indicator-target-none = chưa định lượng
indicator-target-percent = ≥ { $target }%
indicator-target-range = { $target }–{ $max }%
indicator-target-rank = trong nhóm { $rank } tỉnh, thành phố dẫn đầu
indicator-target-by = { $target } (chậm nhất năm { $year })
indicator-target-every-agency = mỗi đơn vị { $target }
indicator-figure = { $value } ({ $reported } đơn vị)
indicator-figure-share = { $value } số đơn vị đạt ({ $reported } đơn vị báo cáo)
indicator-figure-none = chưa có số liệu
indicator-met = Đạt
indicator-not-met = Chưa đạt
indicator-met-unknown = Chưa đánh giá được
indicator-missing-none = đủ
indicator-missing-more = { $names } và { $more } đơn vị khác
indicator-row-title = { $number }. { $text }
indicator-row-figures = Kỳ này: { $period }; lũy kế: { $cumulative }; mục tiêu: { $target }; { $met }
indicator-row-missing = Chưa báo cáo ({ $count }/{ $expected }): { $names }
indicator-table-title = Chỉ tiêu của kế hoạch, { $period }:
indicator-none = Không có chỉ tiêu nào của kế hoạch cần báo cáo trong { $period }.
indicator-label = Chỉ tiêu { $number }: { $text } (mục tiêu { $target })
indicator-button = Chỉ tiêu { $number }
indicator-list-title = Các chỉ tiêu { $agency } báo cáo trong { $period }:
indicator-list-choose = Anh/chị chọn một chỉ tiêu để gửi số liệu, hoặc nhắn thẳng, ví dụ: «chỉ tiêu 2: 45%».
indicator-ask-value = { $indicator }. Anh/chị gửi số liệu của { $agency } cho { $period }, ví dụ «45%» hoặc «45,5».
indicator-stored = Đã ghi nhận { $indicator } — { $agency }, { $period }: { $value } ({ $met }).
indicator-out-of-range-percent = Chỉ tiêu { $number } tính theo phần trăm, nên { $value } là chưa hợp lý (phải từ 0 đến 100%). Anh/chị kiểm tra lại và gửi lại số liệu; chưa ghi nhận gì.
indicator-out-of-range-rank = Chỉ tiêu { $number } là thứ hạng của tỉnh, nên { $value } là chưa hợp lý (phải là số nguyên từ 1 đến 63). Anh/chị kiểm tra lại và gửi lại số liệu; chưa ghi nhận gì.
indicator-how-to = Để báo cáo chỉ tiêu, anh/chị nhắn số thứ tự và số liệu, ví dụ: «chỉ tiêu { $number }: 45%» (số thập phân dùng dấu phẩy: «45,5%»). Gõ /chitieu để xem các chỉ tiêu của đơn vị.
indicator-unknown = Kế hoạch không có chỉ tiêu { $number } cần báo cáo kỳ này. Gõ /chitieu để xem các chỉ tiêu của đơn vị.
indicator-other-level = Chỉ tiêu { $number } dành cho { $level ->
        [province] các sở, ban, ngành cấp tỉnh
        [district] UBND cấp huyện
       *[commune] UBND cấp xã
    }, không phải cho đơn vị của anh/chị. Gõ /chitieu để xem các chỉ tiêu của đơn vị.
indicator-no-agency = Chỉ tiêu do cán bộ của một cơ quan, đơn vị báo cáo; tài khoản của anh/chị chưa gắn với đơn vị nào.
report-button-docx = 📄 Báo cáo (Word)
report-button-xlsx = 📊 Phụ lục (Excel)
report-button-chart = 📈 Biểu đồ
report-expired-button = Nút này đã cũ. Gõ /baocao để chọn lại.
report-docx-file-name = bao-cao-{ $key }.docx
chart-file-name = bieu-do-{ $key }.png
chart-usage = Gõ /bieudo để xem biểu đồ kỳ hiện tại, hoặc /bieudo 2020-Q3 (thêm mã kế hoạch, ví dụ CDS2026, để chỉ lấy một kế hoạch).
chart-caption = 📈 Biểu đồ tiến độ { $period } theo đơn vị (số liệu đến { $asOf }): { $agencies } đơn vị, đơn vị chậm nhất ở trên.
chart-caption-as-file = (Ảnh cao nên gửi dạng tệp để giữ rõ chữ.)
chart-nothing = { $period }: không có đơn vị nào có nhiệm vụ trong kỳ, chưa có gì để vẽ biểu đồ.
chart-title = Tiến độ thực hiện nhiệm vụ theo đơn vị — { $period }
chart-subtitle = Số phần việc theo phân loại, tính đến { $asOf } · { $agencies } đơn vị, đơn vị chậm nhất ở trên
chart-axis = Số phần việc (nhiệm vụ × đơn vị chủ trì)
report-docx-national-name = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
report-docx-motto = Độc lập - Tự do - Hạnh phúc
report-docx-number = Số: { $number }
report-docx-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
report-docx-kind = BÁO CÁO
report-docx-period = Quý { $quarter ->
        [1] I
        [2] II
        [3] III
       *[4] IV
    } năm { $year }
report-docx-plan-fallback = Kế hoạch
report-docx-plan-of = { $plan } của { $issuer }
report-docx-subject = Kết quả thực hiện { $plan } { $period }
report-docx-intro = Thực hiện { $plan } (sau đây gọi là Kế hoạch), trên cơ sở báo cáo của các cơ quan, đơn vị, { $issuer } báo cáo kết quả thực hiện Kế hoạch { $period } như sau:
report-docx-results = I. KẾT QUẢ THỰC HIỆN
report-docx-reporting-heading = 1. Tình hình báo cáo của các cơ quan, đơn vị
report-docx-reporting = Kỳ báo cáo { $period } tính số liệu từ ngày { $from } đến ngày { $to }, hạn gửi báo cáo trước ngày { $deadline }. Có { $owing } cơ quan, đơn vị phải báo cáo, trong đó { $reported } đơn vị đã báo cáo đủ, { $notReported } đơn vị chưa báo cáo đủ; còn { $missing }/{ $owed } phần việc chưa được báo cáo (chi tiết tại Phụ lục kèm theo).
report-docx-reporting-none = Kỳ báo cáo { $period } tính số liệu từ ngày { $from } đến ngày { $to }; trong kỳ không có cơ quan, đơn vị nào phải báo cáo.
report-docx-as-of = Số liệu trong báo cáo này tính đến { $hour } giờ { $minute } ngày { $date }.
report-docx-as-of-day = Số liệu trong báo cáo này tính đến hết ngày { $date }.
report-docx-categories-heading = 2. Kết quả thực hiện nhiệm vụ
report-docx-categories = Tổng số { $assignments } phần việc ({ $tasks } nhiệm vụ; mỗi phần việc là một nhiệm vụ do một cơ quan, đơn vị chủ trì) của { $agencies } cơ quan, đơn vị, trong đó: { $counts }.
report-docx-category-count = { $category } { $count }
report-docx-cumulative = Lũy kế { $months } tháng năm { $year }: các cơ quan, đơn vị đã gửi { $updates } lượt báo cáo; { $everyPeriod }/{ $assignments } phần việc được báo cáo đủ { $periods } kỳ trong năm.
report-docx-chart-reference = Tiến độ của từng cơ quan, đơn vị được thể hiện tại Biểu đồ kèm theo Phụ lục.
report-docx-chart-caption = Biểu đồ: Tiến độ thực hiện nhiệm vụ theo cơ quan, đơn vị, { $period } (đơn vị chậm nhất ở trên)
report-docx-chart-part = { $caption } (phần { $part }/{ $parts })
report-docx-details-heading = 3. Kết quả cụ thể theo từng nhóm nhiệm vụ
report-docx-indicators-heading = 4. Kết quả thực hiện các chỉ tiêu
report-docx-indicators-intro = Kế hoạch có { $count } chỉ tiêu áp dụng trong kỳ; theo số liệu lũy kế các cơ quan, đơn vị báo cáo: { $met } chỉ tiêu đạt, { $notMet } chỉ tiêu chưa đạt, { $unknown } chỉ tiêu chưa đủ số liệu để đánh giá.
report-docx-indicators-rules = Kết quả của tỉnh là trung bình số liệu mới nhất của các đơn vị (hoặc tổng, hoặc tỷ lệ đơn vị đạt, tùy chỉ tiêu); lũy kế lấy số liệu mới nhất của mỗi đơn vị đến hết kỳ; đánh giá đạt hay chưa theo số liệu lũy kế.
report-docx-indicator-col-text = Chỉ tiêu
report-docx-indicator-col-period = Kết quả kỳ báo cáo
report-docx-indicator-col-cumulative = Lũy kế
report-docx-indicator-col-target = Mục tiêu
report-docx-indicator-col-met = Đánh giá
report-docx-indicator-col-missing = Đơn vị chưa báo cáo
report-xlsx-indicator-col-missing-count = Chưa báo cáo / phải báo cáo
report-xlsx-indicator-missing-all = Chưa đơn vị nào báo cáo
report-docx-section = { $number }. { $title }
report-docx-task = Nhiệm vụ { $code }: { $title }
report-docx-row = - { $agency }: { $details } ({ $source }).
report-docx-row-done = đã hoàn thành
report-docx-row-done-late = đã hoàn thành, chậm so với hạn { $due }
report-docx-row-in-progress = đang thực hiện
report-docx-row-blocked = đang gặp vướng mắc: “{ $blocker }”
report-docx-row-blocked-plain = đang gặp vướng mắc
report-docx-row-not-started = chưa triển khai
report-docx-row-text = nội dung báo cáo: “{ $text }”
report-docx-row-progress = đạt { $progress }%
report-docx-row-eta = dự kiến hoàn thành ngày { $date }
report-docx-row-overdue = đã quá hạn hoàn thành ({ $due })
report-docx-row-cumulative = lũy kế { $months } tháng: { $count } lượt báo cáo
report-docx-row-source = { $person } báo cáo ngày { $date }
report-docx-row-source-unnamed = báo cáo ngày { $date }
report-docx-done-before = - Đã hoàn thành từ kỳ trước: { $agencies }.
report-docx-not-reported = - Chưa báo cáo trong kỳ: { $agencies }.
report-docx-problems = II. KHÓ KHĂN, VƯỚNG MẮC
report-docx-problems-none = Trong kỳ, các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc.
report-docx-problems-intro = Trong kỳ, { $agencies } cơ quan, đơn vị báo cáo { $count } khó khăn, vướng mắc (trích nguyên văn nội dung báo cáo):
report-docx-problem-agency = { $agency }:
report-docx-problem = - Nhiệm vụ { $code } ({ $title }): “{ $blocker }” ({ $source }).
report-docx-next = III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI
report-docx-next-intro = Trong { $period }, đề nghị các cơ quan, đơn vị tập trung thực hiện:
report-docx-next-overdue = a) Các nhiệm vụ đã quá hạn, cần khẩn trương hoàn thành:
report-docx-next-due = b) Các nhiệm vụ đến hạn trong { $period }:
report-docx-next-task = - { $code }. { $title } — { $agencies }; hạn hoàn thành { $due }.
report-docx-next-none = - Không có nhiệm vụ nào.
report-docx-agencies-more = { $names } và { $more } đơn vị khác
report-docx-proposals = IV. ĐỀ XUẤT, KIẾN NGHỊ
report-docx-proposals-blocked = Đề nghị { $authority } xem xét, chỉ đạo tháo gỡ khó khăn, vướng mắc đối với các nhiệm vụ sau:
report-docx-proposal = - Nhiệm vụ { $code } ({ $agency }): { $blocker }.
report-docx-proposal-no-text = - Nhiệm vụ { $code } ({ $agency }).
report-docx-proposals-placeholder = [Đơn vị soạn thảo bổ sung các đề xuất, kiến nghị cụ thể.]
report-docx-closing = Trên đây là báo cáo kết quả thực hiện Kế hoạch { $period } của { $issuer }./.
report-docx-recipients = Nơi nhận:
report-docx-recipient = - { $recipient };
report-docx-archive = - Lưu: { $archive }.
report-docx-signer-placeholder = [Họ và tên người ký]
report-docx-appendix = Phụ lục
report-docx-appendix-title = TÌNH HÌNH BÁO CÁO VÀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ { $period }
report-docx-appendix-reference = (Kèm theo Báo cáo số { $number } ngày { $date } của { $issuer })
report-docx-appendix-unit = Đơn vị tính: phần việc (nhiệm vụ × đơn vị chủ trì); đơn vị chậm nhất ở trên.
report-docx-col-index = STT
report-docx-col-agency = Cơ quan, đơn vị
report-docx-col-owed = Phải báo cáo
report-docx-col-reported = Đã báo cáo
report-docx-col-standing = Tình trạng báo cáo
report-docx-total = Tổng cộng
report-sheet-assignments = Nhiệm vụ
report-sheet-summary = Tổng hợp đơn vị
report-sheet-cumulative = Lũy kế { $months } tháng
report-sheet-indicators = Chỉ tiêu
report-col-stt = STT
report-col-task = Số hiệu nhiệm vụ
report-col-title = Nhiệm vụ
report-col-agency = Đơn vị chủ trì
report-col-agency-code = Mã đơn vị
report-col-agency-name = Đơn vị
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
report-col-timeliness = Tình trạng báo cáo
report-col-updates-year = Số lần cập nhật từ đầu năm
report-col-status-end = Trạng thái cuối kỳ
report-col-this-period = Báo cáo kỳ này
report-this-period-reported = Đã báo cáo
report-this-period-missing = Chưa báo cáo
report-this-period-none = Không phải báo cáo
report-yes = Có
report-no = Không
report-timeliness-complete = Đủ, đúng hạn
report-timeliness-late = Trễ hạn nộp { $days } ngày
report-timeliness-pending = Chưa đến hạn
report-timeliness-none = Không phải báo cáo
report-title-summary = TỔNG HỢP TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ
report-title-assignments = TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA TỪNG ĐƠN VỊ
report-title-cumulative = LŨY KẾ { $months } THÁNG: TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA TỪNG ĐƠN VỊ
report-title-indicators = KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH
report-title-period = Kỳ báo cáo: { $period } — số liệu tính đến { $asOf }
report-title-unit = Đơn vị tổng hợp: { $unit }
report-title-made = Ngày lập: { $date }
report-span-counts = Số nhiệm vụ
report-span-categories = Phân loại nhiệm vụ theo tiến độ
report-span-periods = Có báo cáo trong kỳ
report-totals = Tổng cộng
report-group-heading = { $agency } ({ $count } nhiệm vụ)
report-text-button-done = Bấm nút: Xong
report-text-button-progress = Bấm nút: Đang làm { $value }%
report-page = Trang

## Cập nhật tiến độ
command-conlai = Việc đơn vị còn phải báo cáo kỳ này
command-capnhat = Cập nhật tiến độ, ví dụ: /capnhat II.2 xong
status-done = hoàn thành
status-in_progress = đang thực hiện
status-not_started = chưa thực hiện
status-progress-only = tiến độ { $progress }%
status-blocker = vướng: { $blocker }
status-eta = dự kiến xong { $date }
update-recorded = ✅ Đã ghi nhận { $code }: { $details }
update-corrected = ✏️ Đã sửa theo tin nhắn chỉnh sửa — { $code }: { $details }
update-period = (Kỳ báo cáo { $period })
update-progress-over-done = ({ $value }% vượt quá 100%: đã ghi là hoàn thành.)
update-progress-over-ask = ❓ { $code }: { $value }% vượt quá 100% nên chưa ghi tiến độ. Anh/chị muốn ghi ✅ hoàn thành (100%), hay tiến độ bao nhiêu phần trăm? Bấm một nút hoặc gõ số (ví dụ: 60).
update-progress-over-retype = ❓ { $code }: { $value }% vượt quá 100% nên chưa ghi tiến độ. Anh/chị gõ lại, ví dụ: «{ $code } xong» hoặc «{ $code } 60%».
update-unsure = ❓ { $code }: tin nhắn vừa nói xong vừa nói chưa xong; bot hiểu là «{ $details }» nhưng chưa ghi. Anh/chị bấm nút để chọn, hoặc nhắn lại (ví dụ: «{ $code } đang làm 60%»).
update-not-own = ⛔ { $code } do { $leads } chủ trì; anh/chị chỉ cập nhật được nhiệm vụ của { $agency }.
update-no-lead = ⛔ { $code } chưa có đơn vị chủ trì cụ thể trong kế hoạch, nên chưa thể cập nhật.
update-unknown-task = ❓ Không có nhiệm vụ { $code } trong kế hoạch. Gõ /nhiemvu để xem mã nhiệm vụ.
update-unknown-task-in-plan = ❓ Kế hoạch { $plan } không có nhiệm vụ { $code }. Gõ /nhiemvu để xem mã nhiệm vụ.
update-unknown-plan = ❓ Không rõ kế hoạch «{ $word }», nên chưa ghi { $code }. Các kế hoạch đang thực hiện: { $plans }. Anh/chị gõ lại mã kế hoạch trước mã nhiệm vụ, ví dụ: «{ $example } xong».
update-closed-plan = ⛔ Kế hoạch { $plan } đã kết thúc ngày { $date }, nên không nhận cập nhật nữa.
update-ambiguous-retype = ❓ { $code } có ở nhiều kế hoạch ({ $plans }), nên chưa ghi. Anh/chị gõ lại kèm mã kế hoạch, ví dụ: «{ $example } xong».
update-unknown-item = ❓ Không rõ nhiệm vụ số { $index }: hãy gõ /nhiemvu hoặc /conlai để xem danh sách rồi trả lời theo số thứ tự.
update-which-task = Anh/chị cập nhật cho nhiệm vụ nào?
update-which-task-typed = Bấm nút, hoặc gõ mã nhiệm vụ (ví dụ: { $code }).
update-which-plan = ❓ { $code } có ở { $count } kế hoạch; anh/chị cập nhật cho kế hoạch nào? (Chưa ghi gì cho đến khi anh/chị chọn.)
update-which-plan-typed = Bấm nút, hoặc gõ mã kế hoạch (ví dụ: { $plan }).
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
command-baocao = Báo cáo quý (Word, Excel), ví dụ: /baocao 2020-Q1
command-bieudo = Biểu đồ tiến độ theo đơn vị, ví dụ: /bieudo 2020-Q3
command-chitieu = Chỉ tiêu của kế hoạch, ví dụ báo cáo: chỉ tiêu 2: 45%

## Nhắc báo cáo theo lịch (reminder-, overdue-, summary-, unreachable-)
reminder-header = ⏰ Nhắc báo cáo { $period } — { $agency }
reminder-deadline = Hạn gửi: trước 00:00 ngày { $deadline }.
reminder-window = Số liệu tính từ { $from } đến { $to }.
reminder-cumulative = Báo cáo lũy kế { $months } tháng.
reminder-owed = Còn { $count } nhiệm vụ chưa cập nhật:
reminder-item = • { $code } — { $title }
reminder-plan-heading = 📂 { $plan } — { $title } ({ $count } nhiệm vụ):
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
summary-blocked-item = • { $code } · { $agency } — { $blocker }
summary-unreachable-header = Không liên lạc được ({ $count }):
summary-unreachable-item = • { $agency } — { $reason }
summary-blocked-bot-header = Tài khoản đã chặn bot ({ $count }):
summary-blocked-bot-item = • { $name } ({ $agency })
summary-undelivered-header = Tin nhắc không gửi được do lỗi kết nối ({ $count } người):
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
period-name = Quý { $quarter ->
        [1] I
        [2] II
        [3] III
       *[4] IV
    }/{ $year }
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
tick-delivered = Đã gửi { $sent }, không gửi được { $failed }, tài khoản đã chặn bot { $blocked }, bỏ qua vì quá hạn { $skipped }, thử lại { $retries } lần.
tick-failure = • { $key }: { $reason }
tick-failure-blocked = • { $key } (tài khoản đã chặn bot): { $reason }
tick-deferred = ⏳ { $count } tin tạm thời chưa gửi được (mạng hoặc máy chủ lỗi); sẽ gửi lại ở các lần chạy sau, đến khi tin hết hạn.
tick-undelivered = { $count } tin không gửi được và đã hết hạn (xem danh sách ở trên); kiểm tra kết nối tới Telegram.
tick-no-channel = Không có kênh gửi (chưa đặt BOT_TOKEN) — tin nhắn chờ trong hàng đợi.
tick-pending = Còn { $count } tin chờ gửi.
tick-unreachable = Không liên lạc được: { $agencies }

## Lỗi dòng lệnh (một dòng trên stderr)
cli-unexpected-error = Lỗi không lường trước: { $problem } (đặt LOG_LEVEL=debug để xem chi tiết).
cli-bad-at = --at: «{ $value }» không phải thời điểm ISO 8601 (ví dụ 2020-03-10T09:00:00+07:00).
cli-at-no-such-day = --at: «{ $value }» không phải một ngày có thật trên lịch; anh/chị kiểm tra lại ngày và tháng (ví dụ 2020-02-29).
cli-bad-start-at = --at: không đọc được ngày giờ «{ $value }»; ví dụ: npm start -- --at 2020-03-13T08:00 (giờ theo APP_TZ) hoặc --at "13/3/2020 08:00".
cli-start-at-needs-console = --at chỉ dùng cho console: với BOT_TOKEN, đồng hồ mô phỏng sẽ gửi nhắc việc thật cho người thật. Bỏ BOT_TOKEN để chạy thử, hoặc bỏ --at.
cli-import-no-source = import: hãy chỉ ra một tệp (.json, .csv, .xlsx) hoặc dùng --builtin.
cli-import-two-sources = import: chỉ chọn một trong hai — một tệp, hoặc --builtin.
cli-import-nothing-valid = import: không đọc được nhiệm vụ hợp lệ nào, chưa nhập gì.
cli-import-unknown-agencies = import: { $count } tên đơn vị không có trong danh sách (liệt kê ở trên), chưa nhập gì. Hãy sửa tên trong tệp, thêm đơn vị bằng «nhacviec agencies add», hoặc nhập lại với --create-agencies.
import-file-missing = import: không đọc được tệp — { $file }: không có tệp này.
import-file-unreadable = import: không đọc được tệp — { $file }: { $problem }
import-file-extension = import: { $file }: chỉ nhập được tệp .json, .csv hoặc .xlsx (tệp này { $extension ->
        [none] không có đuôi
       *[other] có đuôi { $extension }
    }).
import-file-bad-json = import: { $file } không phải JSON hợp lệ — { $problem }
import-short-code-bad = import: { $file }: mã ngắn «{ $code }» của kế hoạch không dùng được: cần chữ cái đầu, rồi chữ và số (tối đa 16 ký tự), ví dụ «CDS2026».
import-json-first-report-bad = import: { $file }: «report_schedule_note» ghi kỳ báo cáo đầu tiên là năm { $year }, quý { $quarter }: không đọc được; ghi «first_year» là năm (ví dụ 2026) và «first_quarter» là 1, 2, 3 hoặc 4.
import-short-code-taken = import: mã ngắn «{ $code }» đã thuộc một kế hoạch khác; chọn mã khác (--short-code hoặc «short_code» trong tệp). Xem danh sách: nhacviec plans.
cli-import-bad-short-code = import: --short-code «{ $code }» không dùng được: cần chữ cái đầu, rồi chữ và số (tối đa 16 ký tự), ví dụ «CDS2026».
cli-import-bad-first-report = import: --first-report «{ $quarter }» không đọc được; ghi kỳ báo cáo đầu tiên như «2027-Q1».
cli-import-short-code-all = import: --short-code đặt mã cho một kế hoạch; với --builtin all (hai kế hoạch) hãy bỏ --short-code.
cli-import-unknown-builtin = import: không có kế hoạch có sẵn «{ $name }»; chọn một trong: { $names } (để trống là kế hoạch NQ17 của Gia Lai).
plans-error-unknown = plans close: không có kế hoạch «{ $plan }»; các kế hoạch hiện có: { $codes } (xem: nhacviec plans).
plans-error-none = plans close: chưa có kế hoạch nào (nên không có «{ $plan }»); nạp kế hoạch bằng nhacviec import trước.
plans-error-closed = plans close: kế hoạch { $plan } đã đóng ngày { $on }, không cần đóng lại.
cli-plans-close-ahead = plans close: --at { $at } chưa đến; việc đóng kế hoạch được ghi khi nó xảy ra (bỏ --at để đóng từ bây giờ).
import-file-not-catalogue = import: { $file } không phải danh mục kế hoạch: cần một đối tượng JSON có «sections» là danh sách các mục.
import-file-no-header = import: { $file }: không thấy dòng tiêu đề; cần các cột như «Số TT», «Tên nhiệm vụ», «Cơ quan chủ trì», «Cơ quan phối hợp», «Thời gian thực hiện», «Ghi chú» (xem README và examples/plan-sample.csv).
import-file-bad-csv = import: { $file }: không đọc được CSV với dấu phân cách «,», «;» hay tab.
import-file-no-worksheet = import: { $file }: bảng tính không có trang nào.
import-file-bad-xlsx = import: { $file } không phải tệp XLSX đọc được — { $problem }
indicators-plan-missing = indicators import: chưa có kế hoạch «{ $plan }» — hãy nhập kế hoạch trước (nhacviec import …) hoặc sửa --plan.
indicators-import-bad-rows = indicators import: { $file } có { $count } dòng cần sửa (liệt kê ở trên); chưa nhập gì.
indicators-import-empty = indicators import: { $file } không có chỉ tiêu nào; chưa nhập gì.
indicators-problem-row = { $file }, dòng { $row }: { $problem }
indicators-file-bad-json = indicators import: { $file } không phải JSON hợp lệ — { $problem }
indicators-file-json-shape = indicators import: { $file }: cần một danh sách chỉ tiêu (hoặc một đối tượng có «targets» là danh sách).
indicators-file-no-header = indicators import: { $file }: không thấy dòng tiêu đề; cần các cột «STT», «Chỉ tiêu», «Giai đoạn», «Mục tiêu (%)», «Cấp», «Cách tính» (xem examples/indicators-sample.csv).
indicators-problem-json-field = trường «{ $field }» thiếu hoặc sai kiểu; sửa theo mẫu của chỉ tiêu có sẵn.
indicators-problem-period = «Giai đoạn» «{ $value }» không đọc được; ghi như «2019-2020» hoặc «2021».
indicators-problem-target = «Mục tiêu (%)» «{ $value }» không phải số từ 0 đến 100; ghi như «20» hoặc «20%».
indicators-problem-rank = «Xếp hạng» «{ $value }» không phải số nguyên; ghi như «30».
indicators-problem-no-target = chưa có «Mục tiêu (%)» (hoặc «Xếp hạng»); điền mục tiêu của chỉ tiêu.
indicators-problem-level = «Cấp» «{ $value }» không đọc được; ghi «tỉnh», «huyện», «xã» hoặc để trống (mọi đơn vị).
indicators-problem-rule = «Cách tính» «{ $value }» không đọc được; ghi «trung bình», «tổng» hoặc «tỷ lệ đơn vị đạt».
indicators-problem-deadline = «Năm hoàn thành» «{ $value }» không phải một năm; ghi như «2025».
indicators-problem-no-text = dòng có số liệu nhưng thiếu «Chỉ tiêu»; điền nội dung chỉ tiêu hoặc xóa dòng.
cli-backup-postgres = backup: lệnh này sao lưu cơ sở dữ liệu SQLite; với PostgreSQL hãy dùng pg_dump, ví dụ pg_dump --format=custom --file={ $target } "$DATABASE_URL" (khôi phục bằng pg_restore).
cli-backup-memory = backup: không sao lưu được cơ sở dữ liệu trong bộ nhớ (sqlite::memory:).
cli-backup-failed = backup: sao lưu không thành công — { $problem }
cli-backup-no-database = backup: không có cơ sở dữ liệu tại { $source } — kiểm tra DATABASE_URL.
cli-out-no-folder = { $command }: thư mục { $folder } không tồn tại — hãy tạo thư mục đó trước hoặc chọn nơi lưu khác.
cli-out-exists = { $command }: tệp { $file } đã có — thêm --force để ghi đè, hoặc chọn tên khác.
cli-out-write-failed = { $command }: không ghi được { $file } — { $problem }
cli-agency-bad-kind = agencies add: --kind phải là một trong { $kinds } (nhận được «{ $kind }»).
cli-agency-bad-code = agencies add: --code chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (nhận được «{ $code }»).
cli-invite-bad-role = invite: --role phải là official hoặc coordinator (nhận được «{ $role }»).
cli-invite-bad-count = invite: --count phải là số nguyên từ 1 đến { $max } (nhận được «{ $count }»).
cli-invite-all-and-agency = invite: dùng --agency cho một đơn vị, hoặc --all cho mọi đơn vị chủ trì, không dùng cả hai.
cli-invite-no-lead-agencies = invite --all: chưa có đơn vị nào chủ trì nhiệm vụ — hãy nạp kế hoạch trước (nhacviec import --builtin hoặc nhacviec import <tệp>).
cli-invite-bad-extension = invite: --out chỉ nhận tệp .csv hoặc .xlsx (nhận được «{ $file }»).
calendar-bad-year = calendar: --year phải là một năm từ { $min } đến { $max } (nhận được «{ $value }»).
report-write-failed = report: không ghi được { $file } — { $problem }
agency-error-empty-name = Tên đơn vị đang để trống.
agency-error-exists = «{ $name }» đã có trong danh sách: { $code } ({ $existing }).
agency-error-code-taken = Mã { $code } đã được dùng cho đơn vị khác.
agency-error-unknown = Không có đơn vị nào khớp với «{ $agency }». Gõ «nhacviec agencies» để xem danh sách.
agency-error-name-taken = «{ $name }» đã là tên hoặc tên gọi khác của { $code } ({ $existing }).
agency-error-unknown-closest = Không có đơn vị nào khớp với «{ $agency }»; gần nhất: { $closest }.
agency-error-into-itself = Không thể sáp nhập hay chuyển việc của { $agency } cho chính nó.
agency-error-merged = { $agency } đã được sáp nhập vào { $into } từ ngày { $on }.
agency-error-dissolved = { $agency } đã giải thể từ ngày { $on }.
invite-error-needs-agency = invite: mã mời cho cán bộ đầu mối cần --agency (mã hoặc tên đơn vị).
weekly-header = 📊 Tóm tắt tuần — { $date }
zalo-document-elsewhere = 📎 Báo cáo «{ $fileName }» là một tệp, mà bot chưa gửi được tệp qua Zalo. Anh/chị hãy mở báo cáo này trên Telegram, hoặc nhờ điều phối viên gửi tệp.
zalo-photo-elsewhere = 📈 Biểu đồ «{ $fileName }» là một ảnh, mà bot chưa gửi được ảnh qua Zalo. Anh/chị hãy xem trên Telegram, hoặc nhờ điều phối viên gửi.
zalo-document-link =
    📎 Báo cáo «{ $fileName }»: anh/chị tải tệp tại đường dẫn dưới đây (dùng được trong { $hours } giờ, xin đừng chuyển cho người khác).
    { $url }
unsupported-message = Bot chỉ đọc được tin nhắn chữ (hoặc chú thích kèm ảnh, tệp). Hãy gõ, ví dụ: «II.2 xong», «II.9 đang làm 60%».
outbox-kind-reminder = nhắc báo cáo
outbox-kind-overdue = báo trễ hạn
outbox-kind-summary = tổng hợp cuối kỳ
outbox-kind-weekly = tóm tắt tuần
outbox-kind-nudge = nhắc theo yêu cầu
outbox-kind-unreachable = đơn vị không liên lạc được
