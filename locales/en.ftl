# Nhắc Việc — English. Vietnamese (vi.ftl) is the default and the fallback for missing messages.

role-official = official
role-coordinator = coordinator

unlinked-explanation =
    Hello! This is Nhắc Việc, the progress-report reminder for the action plan's tasks.
    Your account is not linked to an agency yet, so the bot cannot serve you.
    Ask a coordinator for an invite code, then send:
    /start <invite code>
link-success-official =
    ✅ Linked! Hello { $name }, you are the official of { $agency }.
    Send /nhiemvu for your agency's tasks, /trogiup for help.
link-success-coordinator =
    ✅ Linked! Hello { $name }, you are a coordinator{ $agency ->
        [none] {""}
       *[other] {" "}({ $agency })
    }.
    Send /trogiup for the coordinator's commands.
link-already-linked = This account is already linked: { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. No invite code needed.
link-invalid = ❌ That invite code is not valid. Check each character, or ask a coordinator for a new one.
link-used = ❌ That invite code has been used already. Each code works once; ask a coordinator for a new one.
link-expired = ❌ That invite code has expired. Ask a coordinator for a new one.
greeting-linked = Hello { $name }! You are { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Send /trogiup for help.

help-official =
    Nhắc Việc reminds your agency to report progress before 20/3, 20/6, 20/9 and 20/12.
    Commands:
    /nhiemvu — the tasks your agency leads
    /conlai — what your agency still owes this period
    /capnhat II.2 xong — report progress (or just write «II.9 đang làm 60%», «V.3 vướng kinh phí»)
    /vang 15/3 — away until the end of 15/3, no reminders meanwhile (or write «nghỉ phép đến 15/3»)
    /trogiup — this help
help-coordinator =
    You are a coordinator: you follow every agency's progress.
    Commands:
    /cham — who has not reported, is late or blocked (or ask: «ai chưa báo cáo?»); /cham 2020-Q2 — a past period
    /cham quahan — the overdue assignments, by agency
    /tinhhinh Sở Y tế — one agency's situation; /tinhhinh II.2 — one task's
    /nhac Sở Y tế — remind the agency's officials now (at most once an hour)
    /baocao 2020-Q1 — the quarter's report as an Excel file
    /nhiemvu — your agency's tasks (if any)
    /trogiup — this help
command-start = Link your account with an invite code
command-nhiemvu = The tasks my agency leads
command-trogiup = Help

tasks-header = 📋 Tasks { $agency } leads in { $year } ({ $count }):
tasks-item = { $index }. { $code } — { $title }
tasks-none = { $agency } leads no task of the plan.
tasks-none-this-year = (No task is active in { $year }.)
tasks-other-header = Other tasks (not in { $year }, or dormant) — { $count }:
tasks-footer = Reply like: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí».
tasks-no-agency = Your account belongs to no agency, so it has no tasks of its own.

unknown-command = There is no /{ $command } command. Send /trogiup for the list.
not-understood =
    The bot did not understand that message. Examples of a report:
    «II.2 xong» · «II.9 đang làm 60%» · «V.3 vướng kinh phí»
    Send /trogiup for help.
internal-error = ⚠️ Something went wrong with this message. It was not recorded; please send it again in a few minutes.

console-banner =
    Nhắc Việc — console mode (no BOT_TOKEN set, so the bot runs in this terminal).
    Database: { $database }
console-plan-loaded = Loaded the built-in plan: { $plan } ({ $tasks } tasks).
console-demo-invites =
    To try it, link with one of these invite codes (each works once):
      official of { $agency }:  /start { $officialCode }
      coordinator:  /start { $coordinatorCode }
console-usage =
    Type a message and press Enter. «:nguoi <name>» switches the sender (try both roles), «:bam <n>» presses a button, «:thoat» quits.
console-user-switched = (You are now writing as «{ $user }».)
console-prompt = { $user }>
console-document-saved = 📎 File saved: { $path }
console-no-button = (There is no button number { $number } in the last answer.)
console-delivered = 📬 Scheduled message to «{ $user }»:
console-bye = Goodbye!

start-telegram = The Telegram channel is running (long polling) as @{ $username }.
start-config-error = Bad configuration — { $problem }

kind-department = department
kind-sector = sector
kind-district = district
kind-commune = commune
kind-other = other
cli-migrated = Applied migrations: { $names }
cli-migrate-none = The database is up to date.
cli-import-plan-created = Imported the new plan { $plan }: { $tasks } tasks read.
cli-import-plan-updated = Updated the plan { $plan }: { $tasks } tasks read.
cli-import-added = Added ({ $count })
cli-import-changed = Changed ({ $count })
cli-import-retired = Retired, no longer in the file ({ $count })
cli-import-agencies = New agencies ({ $count })
cli-import-assignments = Lead assignments: { $added } added, { $retired } retired
cli-import-without-lead = Tasks without a named lead agency ({ $count })
cli-import-problems = { $count } rows could not be read:
cli-import-row = row { $row }
cli-agencies-header = { $count } agencies:
cli-agency-added = Added agency { $code }: { $name }
cli-agency-renamed = Renamed agency { $code } to: { $name } (the old name is still recognised)
cli-invite-created = Invite for { $role } — { $agency }
cli-invite-code = Code
cli-invite-link = Telegram link
cli-invite-no-link = (bot name unknown: set BOT_USERNAME or BOT_TOKEN)
cli-invite-expires = Expires
cli-backup-done = Backed up { $source } to { $target }

## Who is behind, nudges, the quarter's report (coordinators)
category-done_on_time = done on time
category-done_late = done late
category-in_progress = in progress, not yet due
category-overdue = overdue, not done
category-not_started = not started
behind-status-done = done
behind-status-in_progress = in progress
behind-status-not_started = not started
behind-status-blocked = blocked
behind-status-none = not reported
behind-headline = { $period } — due before { $due } · as of { $at }
behind-as-of-deadline = The period has ended: statuses as of its deadline ({ $asOf }); updates sent later count for the next period.
behind-deadline-ahead = { $days } days to the deadline.
behind-deadline-passed = { $days } days past the deadline.
behind-reported-summary = Fully reported: { $reported }/{ $total } agencies that owe a report · { $updated } assignments updated this period · { $missing }/{ $owed } owed assignments still missing.
behind-nothing-owed = No agency owes a report for { $period }: no task is active in { $year }.
behind-not-reported-header = Not fully reported ({ $count } agencies):
behind-all-reported = { $overdue ->
    [0] ✅ All { $count } agencies that owe a report have reported for this period.
   *[other] All { $count } agencies that owe a report have reported for this period, but { $overdue } assignments are overdue and not done.
}
behind-agency-line = { $index }. { $agency } — missing { $missing }/{ $owed }: { $codes }
behind-late-suffix = (report { $days } days late)
behind-blocked-header = Blocked ({ $count } assignments):
behind-blocked-line = • { $code } · { $agency }: { $blocker } ({ $days } days)
behind-blocker-unknown = not stated
behind-overdue-header = Overdue, not done ({ $count } assignments):
behind-overdue-line = • { $code } · { $agency }: to be done by { $due }, { $days } days over
behind-overdue-more = All { $count } overdue assignments, by agency: send { $command }
behind-overdue-button = ⏰ Overdue by agency ▶
behind-overdue-view-header = Overdue, not done: { $count } assignments of { $agencies } agencies:
behind-overdue-agency-line = { $index }. { $agency } — { $count } overdue (longest { $days } days): { $codes }
behind-overdue-none = No assignment is overdue.
behind-overdue-detail = One agency in detail: /tinhhinh <agency>
behind-stale-count = No update for more than { $days } days: { $count } assignments.
behind-counts = Blocked: { $blocked } · Overdue: { $overdue } · Stale: { $stale } (assignments)
behind-categories = Categories ({ $count } assignments): { $summary }
behind-page = Page { $page }/{ $pages } — send { $command } for more.
behind-page-last = Page { $page }/{ $pages }.
behind-more-button = More ▶
behind-nudge-button = 🔔 Nudge { $agency }
behind-coordinators-only = This is for coordinators. Use /nhiemvu to see your agency's tasks.
behind-bad-page = There is no page { $page } (only { $pages }).
behind-bad-quarter = "{ $quarter }" is not a reporting period (write 2020-Q1; the first period is { $first }).
question-agency-unknown = No agency matches "{ $name }".
question-agency-suggest = Did you mean: { $names }?
question-agency-ambiguous = "{ $name }" matches several agencies: { $names }. Please be more specific.
agency-status-header = { $agency } — { $period }
agency-status-reported = Reported { $reported }/{ $owed } owed tasks this period ({ $updated } tasks updated this period).
agency-status-nothing-owed = No task owes a report for { $period } (no task is active in { $year }).
agency-status-missing = Missing: { $codes }
agency-status-overdue = Overdue, not done: { $codes }
agency-status-none = { $agency } leads no tracked task in { $year }.
agency-status-item = { $mark } { $code }: { $status } — { $category }
agency-status-not-updated = no update this period
task-status-header = Task { $code }: { $title }
task-status-unknown = There is no task { $code } in the plan.
task-status-due = Due: { $due } · { $period }
task-status-no-due = No due date · { $period }
task-status-dormant = (This task is dormant.)
task-status-no-lead = This task has no named lead agency.
nudge-usage = Send /nhac <agency>, e.g. /nhac Sở Y tế
nudge-sent = 🔔 Nudged { $agency } ({ $people } recipients): { $missing } tasks not reported for { $period }, { $overdue } tasks overdue and not done.
nudge-too-soon = { $agency } was nudged at { $time }; you can nudge again after { $next }.
nudge-nothing-missing = { $owed ->
    [0] { $agency } owes no report for { $period } and has no overdue task; no nudge needed.
   *[other] { $agency } has reported everything for { $period } and has no overdue task; no nudge needed.
}
nudge-no-officials = { $agency } has no linked official yet. Create an invite: nhacviec invite --agency { $code } --role official
nudge-message = 🔔 Coordinator { $coordinator } reminds you: { $agency } has not reported { $period } (due before { $due }) for { $count } tasks: { $codes }
nudge-message-overdue-only = 🔔 Coordinator { $coordinator } reminds you: { $agency } has { $count } tasks overdue and not done: { $codes }
nudge-message-overdue = Overdue, not done: { $count } tasks — { $codes }
nudge-message-reply = Reply here, e.g. «{ $example } đang làm 60%».
nudge-expired-button = This button is out of date. Send /cham for a fresh list.
report-usage = Send /baocao for the current period's report, or /baocao 2020-Q1.
report-caption =
    Report { $period } (data as of { $asOf }): { $tasks } tasks, { $assignments } assignments (task × lead agency) of { $agencies } agencies.
    { $owing ->
        [0] No agency owes a report for this period
       *[other] Fully reported: { $reported }/{ $owing } agencies that owe a report
    } · overdue, not done: { $overdue } assignments.
report-written = Wrote the { $period } report to { $file } ({ $rows } rows).
report-bad-extension = --out: only .xlsx, .csv or .json files (got "{ $file }").
report-sheet-assignments = Tasks
report-sheet-summary = Agencies
report-sheet-cumulative = Cumulative { $months } months
report-col-task = Task
report-col-title = Title
report-col-agency = Lead agency
report-col-agency-code = Agency code
report-col-due = Due date
report-col-reported = Reported this period
report-col-status = Status
report-col-progress = Progress (%)
report-col-blocker = Blocker
report-col-eta = Expected completion
report-col-reporter = Reported by
report-col-time = Reported at
report-col-category = Category
report-col-text = Message
report-col-open = To report
report-col-reported-count = Reported
report-col-missing = Missing
report-col-timeliness = Standing
report-col-updates-year = Updates since the year's start
report-col-status-end = Status at period end
report-yes = Yes
report-no = No
report-timeliness-complete = Complete, on time
report-timeliness-late = Report { $days } days late
report-timeliness-pending = Not yet due
report-timeliness-none = Nothing to report

command-conlai = What my agency still owes this period
command-capnhat = Report progress, e.g. /capnhat II.2 xong
status-done = done
status-in_progress = in progress
status-not_started = not started
status-blocked = blocked
status-progress-only = progress { $progress }%
status-blocker = blocked by: { $blocker }
status-eta = expected by { $date }
update-recorded = ✅ Recorded { $code }: { $details }
update-corrected = ✏️ Corrected from your edited message — { $code }: { $details }
update-period = (Reporting period { $period })
update-not-own = ⛔ { $code } is led by { $leads }; you can only update the tasks of { $agency }.
update-no-lead = ⛔ { $code } has no named lead agency in the plan, so it cannot be updated yet.
update-unknown-task = ❓ There is no task { $code } in the plan. Send /nhiemvu for the task codes.
update-unknown-item = ❓ No item number { $index }: send /nhiemvu or /conlai for the list, then answer by its number.
update-which-task = Which task is this update for?
update-which-task-typed = Tap a button, or type the task code (e.g. { $code }).
update-which-task-page = Page { $page }/{ $pages } ({ $count } tasks).
update-which-task-more = More ▶
update-no-open-task = { $agency } has no open task this period. Send /nhiemvu for the list.
update-no-agency = Your account belongs to no agency, so it has no tasks to update.
update-usage =
    Usage: /capnhat <task code> <status>
    E.g. /capnhat II.2 xong · /capnhat II.9 đang làm 60% · /capnhat V.3 vướng kinh phí
button-done = ✅ Done { $code }
button-doing = ⏳ Working { $code }
button-blocked = ⚠️ Blocked { $code }
button-expired = This button has expired (the task is no longer listed). Send /conlai for what is left.
button-ask-progress = { $code } is in progress — how many percent? Tap a level or type a number (e.g. 60).
button-ask-blocker = What is blocking { $code }? Type the reason briefly (e.g. no budget).
button-raw-done = [button] ✅ Done { $code }
button-raw-percent = [button] ⏳ { $code } { $value }%
remaining-header = 📌 { $agency } still owes { $count } tasks for { $period } (due before { $deadline }):
remaining-none = { $owed ->
    [0] { $agency } owes no report for { $period }.
   *[other] { $overdue ->
        [0] ✅ { $agency } has reported every task of { $period }. Thank you!
       *[other] { $agency } has reported every task of { $period }.
    }
}
remaining-overdue-header = ⏰ Overdue, not done ({ $count } tasks) — finish or update them:
remaining-overdue-tag = (⏰ due { $due })
remaining-footer = Answer by number or code: «#1 xong», «{ $code } đang làm 60%», or tap a button below.
command-cham = Who has not reported, who is behind (coordinators)
command-nhac = Nudge an agency now, e.g. /nhac Sở Y tế
command-tinhhinh = One agency's or task's standing, e.g. /tinhhinh II.2
command-baocao = The quarter's report file (Excel), e.g. /baocao 2020-Q1

## Scheduled reminders (reminder-, overdue-, summary-, unreachable-)
reminder-header = ⏰ Report reminder { $period } — { $agency }
reminder-deadline = Due before 00:00 on { $deadline }.
reminder-window = Data from { $from } to { $to }.
reminder-cumulative = The report covers { $months } months cumulatively.
reminder-owed = { $count } task(s) still without an update:
reminder-item = • { $code } — { $title }
reminder-stand-in = ({ $names } away, so this reminder comes to you.)
reminder-reply = Reply to this message: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí» — or tap a button below.
reminder-button-done = ✅ Done { $code }
reminder-button-doing = ⏳ Doing { $code }
reminder-button-blocked = ⚠️ Blocked { $code }
overdue-header = ⚠️ The { $period } report is overdue (due before 00:00 on { $deadline }) — { $agency }
overdue-owed = No update yet for { $count } task(s):
overdue-reply = Please update now so the report can be compiled. Reply to this message: «{ $done } xong», «{ $doing } đang làm 60%», «{ $blocked } vướng kinh phí».
summary-header = 📊 { $period } report summary (due before 00:00 on { $deadline })
summary-reported = Fully reported: { $reported }/{ $total } agencies.
summary-all-reported = ✅ Every agency has reported.
summary-late-header = Not fully reported ({ $count }):
summary-late-item = • { $agency }: { $codes }
summary-blocked-header = Blocked tasks ({ $count }):
summary-blocked-item = • { $code } — { $agency }: { $blocker }
summary-unreachable-header = Cannot be reached ({ $count }):
summary-unreachable-item = • { $agency } — { $reason }
summary-blocked-bot-header = Accounts that blocked the bot ({ $count }):
summary-blocked-bot-item = • { $name } ({ $agency })
unreachable-header = 📵 { $period }: reminders could not reach { $count } agencies that still owe a report:
unreachable-item = • { $agency } — { $reason }
unreachable-footer = Contact them directly, or create an invite for another official of the agency.
unreachable-reason-nobody-linked = no official linked to the bot
unreachable-reason-away = the officials are away
unreachable-reason-blocked = the officials blocked the bot
unreachable-reason-away-or-blocked = the officials are away or blocked the bot

## Away (away-)
command-vang = Say you are away (leave, travel) until a date, e.g. /vang 15/3
away-set = 🏖️ Noted: you are away until the end of { $until }. No report reminders will be sent to you meanwhile.
away-stand-ins = Other officials of { $agency } still get reminders: { $names }.
away-no-stand-in = Nobody else at { $agency } gets reminders — the coordinators will be told the agency cannot be reached for now.
away-cancel-hint = Back earlier? Type /vang huy.
away-cancelled = 👋 Welcome back! Report reminders will reach you again.
away-none = You are not marked away. Example: /vang 15/3, or write «nghỉ phép đến 15/3».
away-current = You are away until the end of { $until }. Type /vang huy to cancel.
away-bad-date = Cannot read the date «{ $text }». Example: /vang 15/3 (away until the end of 15/3), or /vang huy to cancel.

## Report calendar and scheduler runs (calendar-, tick-)
calendar-header = Report calendar { $year } (zone { $zone }):
calendar-none = There is no reporting period in { $year }.
calendar-period = { $period } — due before 00:00 on { $deadline }
calendar-window = Data: { $from } – { $to }
calendar-cumulative = Cumulative: { $months } months
calendar-no-cumulative = Cumulative: —
calendar-reminder = Reminder ({ $offsets } days before): { $at }
calendar-reminder-shifted = Reminder ({ $offsets } days before): { $at } — moved from { $nominal } (day off)
calendar-overdue = Overdue notice and summary: { $at }
calendar-overdue-shifted = Overdue notice and summary: { $at } — moved from { $nominal } (day off)
tick-planned = Run at { $at } (period { $period }): { $count } message(s) added to the outbox.
tick-planned-kind = • { $kind }: { $count }
tick-delivered = Sent { $sent }, failed { $failed }, skipped as expired { $skipped }, retries { $retries }.
tick-failure = • { $key }: { $reason }
tick-no-channel = No channel to send through (BOT_TOKEN unset) — messages wait in the outbox.
tick-pending = { $count } message(s) still waiting.
tick-unreachable = Cannot be reached: { $agencies }

cli-bad-at = --at: "{ $value }" is not an ISO 8601 instant (e.g. 2020-03-10T09:00:00+07:00).
cli-import-no-source = import: give a file (.json, .csv, .xlsx) or --builtin.
cli-import-two-sources = import: give either a file or --builtin, not both.
cli-import-unreadable = import: the file could not be read — { $problem }
cli-import-nothing-valid = import: no valid task was read; nothing was imported.
cli-backup-postgres = backup: this backs up the SQLite database; use pg_dump for PostgreSQL.
cli-backup-memory = backup: an in-memory database (sqlite::memory:) cannot be backed up.
cli-backup-failed = backup: the backup failed — { $problem }
cli-agency-bad-kind = agencies add: --kind must be one of { $kinds } (got "{ $kind }").
cli-agency-bad-code = agencies add: --code takes lowercase letters, digits and dashes (got "{ $code }").
cli-invite-bad-role = invite: --role must be official or coordinator (got "{ $role }").
calendar-bad-year = calendar: --year must be a year from { $min } to { $max } (got "{ $value }").
report-write-failed = report: could not write { $file } — { $problem }
agency-error-empty-name = The agency name is empty.
agency-error-exists = "{ $name }" is already registered: { $code } ({ $existing }).
agency-error-code-taken = The code { $code } is used by another agency.
agency-error-unknown = No agency matches "{ $agency }". Run "nhacviec agencies" for the list.
agency-error-name-taken = "{ $name }" is already the name or an alias of { $code } ({ $existing }).
invite-error-needs-agency = invite: an official's invite needs --agency (an agency code or name).
weekly-header = 📊 Weekly summary — { $date }
unsupported-message = The bot reads text only (or the caption of a photo or file). Please type, e.g. «II.2 xong», «II.9 đang làm 60%».
outbox-kind-reminder = reminders
outbox-kind-overdue = overdue notices
outbox-kind-summary = deadline summaries
outbox-kind-weekly = weekly summaries
outbox-kind-nudge = nudges
outbox-kind-unreachable = unreachable-agency notices
