# Nhắc Việc — English. Vietnamese (vi.ftl) is the default and the fallback for missing messages.

role-official = official
role-coordinator = coordinator

unlinked-explanation =
    Hello! This is Nhắc Việc, the progress-report reminder for the action plan's tasks.
    Your account is not linked to an agency yet, so the bot cannot serve you.
    Ask a coordinator (the Department of Information and Communications or the provincial People's Committee office) for an invite code, then send:
    /start <invite code>
    Already linked on Telegram or Zalo? Send /lienket there for a code, then send the code here.
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
link-private-only = 🔒 Accounts are linked only in a private chat with the bot, so that reminders and buttons are not shown to the whole group. Open a private chat with the bot and send the invite code there (it still works).
link-code-created =
    🔗 Link code: { $code } (works once, for { $minutes } minutes).
    On your other channel (Zalo or Telegram), send the bot: /lienket { $code }
link-code-needs-linked = This chat is not linked yet. On the channel you already linked, send /lienket to get a code, then send it here: /lienket <code>. If you have not linked any channel, ask a coordinator for an invite code.
link-code-already-here = This account is already linked and needs no link code. Send /kenh to choose where reminders go.
link-code-invalid = ❌ That link code is not right. Check it, or send /lienket on your linked channel for a new one.
link-code-used = ❌ That link code was already used. Send /lienket on your linked channel for a new one.
link-code-expired = ❌ That link code has expired. Send /lienket on your linked channel for a new one.
link-code-same-channel = That link code is for your other channel (Zalo or Telegram), not the one that made it.
channel-telegram = Telegram
channel-zalo = Zalo
channel-console = console
channels-choice-telegram = Telegram only
channels-choice-zalo = Zalo only
channels-choice-both = both channels
channels-shown =
    📡 Linked channels: { $linked }.
    Scheduled reminders go to: { $choice }.
    Change with: /kenh telegram, /kenh zalo or /kenh cahai. Add a channel: /lienket
channels-chosen = ✅ From now on scheduled reminders go to: { $choice }.
channels-not-linked = You have not linked { $channel }. Send /lienket to get a code, then send that code on { $channel }.
channels-unknown-choice = I did not understand «{ $choice }». Send /kenh telegram, /kenh zalo or /kenh cahai.
greeting-linked = Hello { $name }! You are { $role }{ $agency ->
        [none] {""}
       *[other] {" "}— { $agency }
    }. Send /trogiup for help.

# /trogiup: the intro of each role, then one line per command that role uses (as src/conversation/routes.ts lists them).
help-official = Nhắc Việc reminds your agency to report progress before 20/3, 20/6, 20/9 and 20/12.
help-coordinator = You are a coordinator: you follow every agency's progress.
help-commands = Commands:
help-nhiemvu = /nhiemvu — the tasks your agency leads
help-nhiemvu-coordinator = /nhiemvu — your agency's tasks (if any)
help-conlai = /conlai — what your agency still owes this period
help-capnhat = /capnhat II.2 done — report progress (or just write «II.9 in progress 60%», «V.3 vướng kinh phí» (blocked: no budget))
help-cham =
    /cham — who has not reported, is late or blocked (or ask: «who has not reported?»); /cham 2020-Q2 — a past period; /cham CDS2026 — one plan only (its short code; by default every plan)
    /cham quahan — the overdue assignments, by agency
help-tinhhinh = /tinhhinh Sở Y tế — one agency's situation; /tinhhinh II.2 — one task's (or ask: «status of Sở Y tế», «how is task II.2?»)
help-nhac = /nhac Sở Y tế — remind the agency's officials now (at most once an hour)
help-baocao = /baocao 2020-Q1 — the quarter's report: the draft (Word), the appendix (Excel) or the chart; add a plan's code (/baocao 2020-Q1 CDS2026) for that plan only
help-bieudo = /bieudo 2020-Q3 — the progress chart by agency (add a plan's code for that plan only)
help-chitieu = /chitieu — your agency's indicators; report a figure: "CT2: 45%"
help-chitieu-coordinator = /chitieu — the province's indicators this period: figure, cumulative, met or not, who has not reported
help-vang = /vang 15/3 — away until the end of 15/3, no reminders meanwhile
help-kenh = /kenh — where scheduled reminders go (Telegram, Zalo or both)
help-lienket = /lienket — get a code to link Zalo or Telegram to this same account
help-trogiup = /trogiup — this help
command-start = Link your account with an invite code
command-nhiemvu = The tasks my agency leads
command-kenh = Choose where reminders go (Telegram, Zalo, both)
command-lienket = Link Zalo or Telegram to this account
command-trogiup = Help

tasks-header = 📋 Tasks { $agency } leads in { $year } ({ $count }):
tasks-item = { $index }. { $code } — { $title }
task-in-plan = { $plan } { $code }
tasks-none = { $agency } leads no task of the plan.
tasks-none-this-year = (No task is active in { $year }.)
tasks-other-header = Other tasks (not in { $year }, or dormant) — { $count }:
tasks-footer = Reply like: «{ $done } done», «{ $doing } in progress 60%», «{ $blocked } vướng kinh phí» (blocked: no budget).
tasks-no-agency = Your account belongs to no agency, so it has no tasks of its own.
plan-ended =
    📅 The plan ended in { $year }: { $plans }
    { $current } has no report period of the plan, so the bot sends no report reminders; work left unfinished still counts as overdue.
plan-ended-hint = When a new plan is loaded, the bot reminds and follows up as usual.
plan-ended-console-hint = To try a quarter in progress: type «:ngay { $date }» here, or run «npm start -- --at { $iso }».

unknown-command = There is no /{ $command } command. Send /trogiup for the list.
not-understood =
    The bot did not understand that message. Examples of a report:
    «II.2 done» · «II.9 in progress 60%» · «V.3 vướng kinh phí» (blocked: no budget)
    Send /trogiup for help.
update-later =
    Nothing was recorded from that message. When you have news, send the task code and its state, for example:
    «II.2 done» · «II.9 in progress 60%» · «V.3 vướng kinh phí» (blocked: no budget)
update-task-question =
    The bot records task progress and cannot answer that question. Send /nhiemvu to see the tasks your agency leads.
    To report, send the task code and its state, for example: «II.2 done» · «II.9 in progress 60%» · «V.3 vướng kinh phí» (blocked: no budget)
internal-error = ⚠️ Something went wrong with this message. It was not recorded; please send it again in a few minutes.
database-busy = ⏳ The records are being updated elsewhere, so this message was not recorded. Please send it again in a few minutes.
database-vanished = ⚠️ The bot has a problem with its data file and has stopped recording: this message was not recorded. Please send it again once the administrator has fixed it.

console-banner =
    Nhắc Việc — console mode (no BOT_TOKEN or ZALO_BOT_TOKEN set, so the bot runs in this terminal).
    To run on Zalo: create a bot in Zalo Bot Creator (bot.zapps.me), put its token in ZALO_BOT_TOKEN and run npm start again.
    Database: { $database }
console-simulated-clock = Simulated clock: { $at } (running at real speed).
console-plans-loaded = Loaded { $count } built-in plans (see: npx nhacviec plans):
console-plan-loaded = { $plan } — { $title } ({ $span }, { $tasks } tasks)
console-demo-invites = To try it, link with an invite code below (each works once):
console-demo-invite-official = official of { $agency }:  /start { $code }
console-demo-invite-coordinator = coordinator:  /start { $code }
console-linked-users = Linked in the console: { $users }. «:nguoi <name>» writes as that person.
console-linked-user = { $user } ({ $role ->
        [coordinator] coordinator
       *[official] official of { $agency }
    })
console-invite-hint = More invite codes: npx nhacviec invite --agency { $agency } --role official (or --role coordinator, without --agency).
console-usage =
    Type a message and press Enter. «:user <name>» switches the sender (try both roles), «:press <n>» presses a button, «:date 13/3/2020» moves the clock, «:help» lists the console's commands, «:quit» quits.
console-help =
    Console commands (answered here, never sent to the bot):
      :user <name>          write as someone else, e.g. «:user dieuphoi» (also :nguoi)
      :press <n>            press button n of the latest message to the current sender (also :bam)
      :date                 show the console's clock (also :ngay)
      :date <date [time]>   move the clock there and run the reminder schedule at once, e.g. «:date 13/3/2020», «:date 13/3/2020 08:00», «:date 2020-03-13T08:00»
      :help                 this list (also :trogiup)
      :quit                 quit, or Ctrl-D (also :thoat)
    The bot's own commands: send /trogiup.
console-user-switched = (You are now writing as «{ $user }».)
console-user-missing = (Type «:nguoi <name>», e.g. «:nguoi dieuphoi».)
console-prompt = { $user }>
console-document-saved = 📎 File saved: { $path }
console-no-button = (There is no button number { $number } in the latest message to «{ $user }».)
console-press-missing = (Type «:bam <n>», e.g. «:bam 1» to press button 1 of the latest message.)
console-clock = 🕗 The console's clock: { $at }. Type «:ngay 13/3/2020» or «:ngay 13/3/2020 08:00» to move to another day.
console-clock-moved = 🕗 The clock is now { $at }; it keeps running at real speed.
console-bad-date = (Could not read the date «{ $value }». Examples: «:ngay 13/3/2020», «:ngay 13/3/2020 08:00», «:ngay 2020-03-13T08:00».)
console-unknown-command = (The console has no «{ $command }» command. Type «:trogiup» for the list.)
console-delivered = 📬 Scheduled message to «{ $user }»:
console-bye = Goodbye!

start-telegram = The Telegram channel is running (long polling) as @{ $username }.
start-telegram-webhook = The Telegram channel is running (webhook { $url }) as @{ $username }.
start-http = The HTTP server listens on port { $port } (/healthz, webhooks, file links).
telegram-getme-failed = Asking Telegram about the bot (getMe), attempt { $attempt } of { $attempts }, failed: { $problem }
telegram-no-answer = no answer within { $seconds } s
telegram-token-refused = The token was refused by Telegram (BOT_TOKEN wrong or revoked): get it again from @BotFather and set BOT_TOKEN.
zalo-start = The Zalo channel is running (long polling) as the bot { $name }.
zalo-start-webhook = The Zalo channel is running (webhook { $url }) as the bot { $name }.
zalo-getme-failed = Asking Zalo about the bot (getMe), attempt { $attempt } of { $attempts }, failed: { $problem }
zalo-token-refused = The token was refused by Zalo (ZALO_BOT_TOKEN wrong or revoked): get it again in Zalo Bot Creator and set ZALO_BOT_TOKEN.
zalo-unreachable = Cannot reach the Zalo Bot API at { $apiRoot } after { $attempts } attempts ({ $problem }): check the network, the firewall or proxy, and ZALO_API_ROOT.
zalo-poll-failed = Asking Zalo for new messages (getUpdates) failed: { $problem }; trying again in { $seconds } s.
telegram-unreachable = Cannot reach the Telegram Bot API at { $apiRoot } after { $attempts } attempts ({ $problem }): check the network, the firewall or proxy, and TELEGRAM_API_ROOT.
config-error = Bad configuration — { $key }: { $problem }
config-error-got = Bad configuration — { $key }: { $problem } (got "{ $got }")
config-invalid = invalid value
config-expected-bot-token = does not look like a token from @BotFather (<digits>:<about 35 letters, digits, - or _>); copy it again from @BotFather
config-expected-zalo-token = does not look like a Zalo bot token (one piece of at least 20 letters, digits, :, - or _); copy it again from Zalo Bot Creator
config-expected-database-url = expected sqlite:<path> or postgres://user:password@host/database
config-sqlite-without-path = sqlite: needs a file path, e.g. sqlite:./data/nhacviec.sqlite
config-expected-url = expected an http(s) URL
config-expected-positive = expected a positive whole number
config-expected-port = expected a port number from 1 to 65535
config-unknown-time-zone = unknown IANA time zone (e.g. Asia/Ho_Chi_Minh)
config-expected-log-level = expected one of fatal, error, warn, info, debug, trace, silent
config-expected-locale = expected vi or en
config-expected-time = expected HH:MM, e.g. 08:00
config-expected-hours = expected START-END hours, e.g. 20-7
config-expected-days = expected comma-separated day counts, e.g. 7,3,1
config-expected-weekly = expected "off" or a weekday and time, e.g. "mon 08:00"
config-webhook-secret-required = required when WEBHOOK_URL is set
config-expected-https-url = expected an https:// URL (Telegram and Zalo post only to HTTPS)
config-expected-webhook-secret = expected 8–256 characters, only A-Z, a-z, 0-9, _ or -
config-expected-file-link-hours = expected a number of hours from 1 to 24
db-missing = No database at { $database }: run `nhacviec migrate` (and `nhacviec import`) first.
db-vanished-running = The database file { $database } was deleted or replaced while the bot runs: the bot stopped taking messages and sending scheduled ones (Telegram keeps unfetched messages up to 24 hours). Restore the file (from a backup), then restart the bot.
db-folder-unusable = Cannot create the database folder { $folder } ({ $problem }): fix the path in DATABASE_URL, or create that folder and allow writing to it.
db-cannot-open = Cannot open the database { $database } ({ $problem }): check the path in DATABASE_URL and that the file and its folder may be written.
db-read-only = The database { $database } is read-only: allow writing to the file and its folder, or choose another file in DATABASE_URL.
db-not-database = { $database } is not an SQLite database file: fix the path in DATABASE_URL.
db-unreachable = Cannot reach PostgreSQL at { $database } ({ $problem }): check that the PostgreSQL server is running and the host and port in DATABASE_URL.
db-failed = Database error at { $database }: { $problem }

kind-department = department
kind-sector = sector
kind-district = district
kind-commune = commune
kind-ward = ward
kind-other = other
cli-migrated = Applied migrations: { $names }
cli-migrate-none = The database is up to date.
cli-import-plan-created = Imported the new plan { $plan }: { $tasks } tasks read.
cli-import-plan-updated = Updated the plan { $plan }: { $tasks } tasks read.
cli-import-dry-run-plan-created = DRY RUN (--dry-run), nothing written. A real import would create the plan { $plan }: { $tasks } tasks read.
cli-import-dry-run-plan-updated = DRY RUN (--dry-run), nothing written. A real import would update the plan { $plan }: { $tasks } tasks read.
cli-import-plan-closed = The plan { $plan } was closed on { $on }: it stays as it was closed; nothing was imported into it and no work was assigned.
cli-import-dry-run-plan-closed = DRY RUN (--dry-run), nothing written. The plan { $plan } was closed on { $on }: a real import would leave it as it is, importing nothing into it.
cli-import-dry-run-no-database = No database at { $path } yet: dry run on an empty database, no file created.
cli-import-dry-run-end = Dry run done: the database is unchanged. Leave out --dry-run to import.
cli-import-added = Added ({ $count })
cli-import-changed = Changed ({ $count })
cli-import-retired = Retired, no longer in the file ({ $count })
cli-import-agencies = New agencies ({ $count })
cli-import-agency-created = { $code } ({ $name }, kind: { $kind })
cli-import-assignments = Lead assignments: { $added } added, { $retired } retired
cli-import-without-lead = Tasks without a named lead agency ({ $count })
cli-import-named-ended = Dissolved agencies, given no new task (name the agency taking over in the file, then import again) ({ $count })
cli-import-problems = Not imported, could not be read ({ $count }):
cli-import-warnings = Imported, but check ({ $count }):
cli-import-row = row { $row }
cli-import-tasks = task { $tasks }
cli-import-unknown-header = Agency names not in the registry ({ $count }):
cli-import-unknown-agency = "{ $name }" ({ $where }): not in the agency registry; closest: { $closest }
cli-import-unknown-agency-none = "{ $name }" ({ $where }): not in the agency registry, and no registered name is close
indicators-import-builtin = Loaded the plan's { $count } indicators.
indicators-import-done = Loaded the indicators of plan { $plan }: { $count } read.
indicators-import-dry-run = DRY RUN (--dry-run), nothing written. A real import: plan { $plan }, { $count } indicators read.
indicators-import-changes = Added { $added }, changed { $changed }, retired { $retired }.
indicators-import-retired = Indicators retired because the file no longer lists them: { $numbers }
import-problem-orphan-continuation = the row has no number and there is no task above it to continue
import-problem-bad-number = number "{ $number }" is neither a Roman numeral (section) nor a whole number (task)
import-problem-task-before-section = task { $number } comes before any section row (I, II, …)
import-problem-task-again = task { $task } appears again (first at row { $first })
import-problem-task-no-title = task { $task } has no title
import-problem-task-no-lead = task { $task } has no lead agency
import-problem-section-again = section { $section } appears again (first at row { $first }); the tasks below join the first one
import-problem-section-no-title = section { $section } has no title
import-problem-section-empty = section { $section } has no tasks
import-problem-section-cells-ignored = section { $section }: the cells beside its title were ignored, since the section has tasks
import-problem-section-missing = task { $task }: there is no section { $section }
import-problem-unreadable-timeframe = task { $task }: timeframe "{ $text }" could not be read; { $fallback ->
        [others] its years and due date come from its other timeframe cells
       *[span] it is tracked in every year of the plan, with no due date
    }
import-problem-json-field = { $place }: { $expected ->
        [missing] "{ $field }" is missing
        [empty] "{ $field }" is empty
        [text] "{ $field }" must be text
        [text-list] "{ $field }" must be a list of texts
        [text-items] every item of "{ $field }" must be text
        [whole-number] "{ $field }" must be a positive whole number
        [yes-no] "{ $field }" must be true or false
        [list] "{ $field }" must be a list
        [object] must be a JSON object
       *[invalid] "{ $field }" is not valid
    }
import-problem-json-section-skipped = { $place }: this section and its { $count } tasks were skipped
import-problem-json-section-again = { $place }: section { $section } appears again; its tasks join the first one
import-problem-json-code-form = { $place }: code "{ $code }" is not of the form { $section }.<number>
import-problem-json-code-section = { $place }: code "{ $code }" does not belong to section { $section }
import-problem-json-no-code = { $place }: has neither a code nor a number
import-problem-json-code-number = { $place }: code "{ $code }" does not match number { $number }
import-problem-json-task-again = { $place }: task { $task } appears again; this one was skipped
cli-agencies-header = { $count } agencies:
cli-agency-added = Added agency { $code }: { $name }
cli-agency-renamed = Renamed agency { $code } to: { $name } (the old name is still recognised)
cli-agency-ended-merged = (merged into { $into } on { $on })
cli-agency-ended-dissolved = (dissolved on { $on })
cli-agency-merge-header = { $dryRun ->
    [yes] Dry run (nothing written): merging { $agency } into { $into } from { $on }.
   *[no] Merged { $agency } into { $into } from { $on }.
}
cli-agency-dissolve-header = { $dryRun ->
    [yes] Dry run (nothing written): dissolving { $agency } from { $on }{ $to ->
        [none] {""}
       *[other] , its work passing to { $to }
    }.
   *[no] Dissolved { $agency } from { $on }{ $to ->
        [none] {""}
       *[other] , its work passing to { $to }
    }.
}
cli-agency-passed = Passed { $count } open tasks on (history before that day stays with { $agency }):
cli-agency-passed-line =   { $code } → { $to }
cli-agency-already-led = { $code }: { $agencies } already leads this task
cli-agency-kept-done = Kept { $count } tasks done before that day (still credited to { $agency }): { $codes }
cli-agency-needing-owner = ⚠️ { $count } tasks have no agency now and need an owner: { $codes }
cli-agency-nothing-open = { $agency } has no open task to pass on.
cli-agency-people-moved = People moved to { $into }: { $names }
cli-agency-people-relink = People to re-link to their new agency (make an invite: nhacviec invite --agency <agency>): { $names }
cli-agency-invites-moved = { $count } unused invites now lead to { $into }.
cli-agency-invites-withdrawn = { $count } unused invites were withdrawn (the agency no longer exists); make new ones for the agency taking over: nhacviec invite --agency <agency>.
cli-agency-alias = From now on "{ $agency }" means { $into }.
cli-agency-bad-date = agencies { $command }: --on "{ $value }" is not a date (use YYYY-MM-DD, e.g. 2025-03-01).
cli-agency-date-ahead = agencies { $command }: { $on } has not come yet; record a merger or dissolution on or after its day.
cli-agencies-imported = Loaded communes and wards from { $file }: { $added } added, { $updated } updated, { $unchanged } unchanged.
cli-agencies-import-row = { $file } row { $row }: { $problem }
cli-agencies-import-no-header = { $file }: no header row with a name column; the columns are name, kind (commune/ward), code (or their Vietnamese headers).
cli-agencies-import-refused = agencies import: { $file } has { $count } bad rows, nothing was loaded; fix the rows above and run it again.
cli-agencies-import-unreadable = agencies import: cannot read { $file } — { $problem }
plans-header = { $count ->
        [one] 1 plan:
       *[other] { $count } plans:
    }
plans-none = No plan yet. Load one: nhacviec import <file> (or nhacviec import --builtin).
plans-line = { $short } · { $code } · { $span } · { $status }
plans-span-first-report = { $span }, reporting from { $period }
plans-status = { $status ->
        [closed] closed on { $on }
        [ended] ended (last year { $last })
       *[open] followed
    }
plans-counts = { $sections ->
        [one] 1 section
       *[other] { $sections } sections
    }, { $tasks ->
        [one] 1 task
       *[other] { $tasks } tasks
    }, { $assignments ->
        [0] nothing assigned any more
        [one] 1 assignment in charge of { $agencies } lead agency
       *[other] { $assignments } assignments in charge of { $agencies ->
            [one] 1 lead agency
           *[other] { $agencies } lead agencies
        }
    }, { $updates ->
        [one] 1 status update stored
       *[other] { $updates } status updates stored
    }
plans-close-header = { $dryRun ->
        [yes] Dry run (nothing written): closing the plan { $plan } ({ $title }) at { $at }.
       *[no] Closed the plan { $plan } ({ $title }) at { $at }.
    }
plans-close-ended = { $dryRun ->
        [yes] Would end
       *[no] Ended
    } { $assignments } open assignments of { $tasks } tasks; { $count } lead agencies get no more reminders about this plan: { $agencies }
plans-close-nothing-open = The plan has no open assignment left.
plans-close-history = The stored updates stay as they are; the reports of periods before { $on } read as before.
plans-close-dry-run-end = Leave out --dry-run to close it.
agency-import-empty-name = the name is empty
agency-import-bad-kind = kind "{ $kind }" is neither commune nor ward
agency-import-bad-code = code "{ $code }" takes lowercase letters, digits and dashes only
agency-import-code-taken = code { $code } is used by { $existing }
agency-import-repeated = "{ $name }" already appears on row { $row }
cli-invite-created = Invite for { $role } — { $agency }
cli-invite-code = Code
cli-invite-link = Telegram link
cli-invite-no-link = (bot name unknown: set BOT_USERNAME or BOT_TOKEN)
cli-invite-expires = Expires
cli-invite-line = { $agency } · { $role } · { $code } · { $link } · expires { $expires }
cli-invite-written = Wrote { $count } invite(s) to { $file }.
cli-invite-no-link-note = No Telegram links: the bot's name is unknown. Set BOT_USERNAME or BOT_TOKEN and create them again, or hand out the codes for "/start <code>".
invite-sheet = Invites
invite-col-agency = Agency
invite-col-agency-code = Agency code
invite-col-role = Role
invite-col-code = Invite code
invite-col-link = Telegram link
invite-col-expires = Expires
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
behind-blocked-line = • { $code } · { $agency } — { $blocker } ({ $days } days)
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
behind-plan-unknown = There is no plan "{ $plan }". The plans: { $codes }.
behind-plan-only = Only plan { $plan } is counted.
behind-plan-ended-open = ℹ️ Plan { $plan } has ended (its last year was { $year }) but is not closed, so its unfinished work still counts as overdue. If it is no longer followed, an admin closes it: nhacviec plans close { $plan }
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
nudge-message-reply = Reply here, e.g. «{ $example } in progress 60%».
nudge-expired-button = This button is out of date. Send /cham for a fresh list.
report-usage = Send /baocao to choose the current period's report, or /baocao 2020-Q1; /baocao word 2020-Q1 or /baocao excel 2020-Q1 sends the file at once; add a plan's code (CDS2026) for that plan only.
report-caption =
    Report { $period } (data as of { $asOf }): { $tasks } tasks, { $assignments } assignments (task × lead agency) of { $agencies } agencies.
    { $owing ->
        [0] No agency owes a report for this period
       *[other] Fully reported: { $reported }/{ $owing } agencies that owe a report
    } · overdue, not done: { $overdue } assignments.
report-file-name = report-{ $key }.xlsx
report-written = Wrote the { $period } report to { $file } ({ $rows } rows).
report-bad-extension = --out: only .docx, .xlsx, .csv, .json or .png files (got "{ $file }").
cli-plan-unknown = --plan: there is no plan "{ $plan }"; the plans: { $codes } (a short code in any case, or the full code).
report-docx-written = Wrote the draft { $period } report (Decree 30/2020 form) to { $file }.
chart-written = Wrote the { $period } chart ({ $agencies } agencies) to { $file }.
report-choose = Choose a file below: the report (Word, in the form of Decree 30/2020), the data appendix (Excel) or the chart.
indicator-value-percent = { $value }%
indicator-value-rank = rank { $value }
indicator-target-none = not quantified
indicator-target-percent = ≥ { $target }%
indicator-target-range = { $target }–{ $max }%
indicator-target-rank = among the top { $rank } provinces
indicator-target-by = { $target } (by { $year })
indicator-target-every-agency = every agency { $target }
indicator-figure = { $value } ({ $reported } agencies)
indicator-figure-share = { $value } of agencies meet it ({ $reported } reported)
indicator-figure-none = no figures yet
indicator-met = Met
indicator-not-met = Not met
indicator-met-unknown = Cannot tell yet
indicator-missing-none = all reported
indicator-missing-more = { $names } and { $more } more
indicator-row-title = { $number }. { $text }
indicator-row-figures = This period: { $period }; cumulative: { $cumulative }; target: { $target }; { $met }
indicator-row-missing = Not reported ({ $count }/{ $expected }): { $names }
indicator-table-title = The plan's indicators, { $period }:
indicator-none = No indicator of the plan is due for { $period }.
indicator-label = Indicator { $number }: { $text } (target { $target })
indicator-button = Indicator { $number }
indicator-list-title = The indicators { $agency } reports for { $period }:
indicator-list-choose = Choose an indicator to send its figure, or write it directly, e.g. "CT2: 45%".
indicator-ask-value = { $indicator }. Please send { $agency }'s figure for { $period }, e.g. "45%" or "45,5".
indicator-stored = Recorded { $indicator } — { $agency }, { $period }: { $value } ({ $met }).
indicator-out-of-range-percent = Indicator { $number } is a percentage, so { $value } cannot be right (it must be 0 to 100%). Please check and send the figure again; nothing was recorded.
indicator-out-of-range-rank = Indicator { $number } is the province's rank, so { $value } cannot be right (a whole number from 1 to 63). Please check and send the figure again; nothing was recorded.
indicator-how-to = To report an indicator, write its number and the figure, e.g. "CT{ $number }: 45%" (decimals with a comma: "45,5%"). Send /chitieu for your agency's indicators.
indicator-unknown = The plan has no indicator { $number } due this period. Send /chitieu for your agency's indicators.
indicator-other-level = Indicator { $number } is for { $level ->
        [province] provincial departments and sector bodies
        [district] district People's Committees
       *[commune] commune People's Committees
    }, not for your agency. Send /chitieu for your agency's indicators.
indicator-no-agency = Indicators are reported by an agency's officials; your account is not tied to an agency.
report-button-docx = 📄 Report (Word)
report-button-xlsx = 📊 Appendix (Excel)
report-button-chart = 📈 Chart
report-expired-button = This button is out of date. Send /baocao to choose again.
report-docx-file-name = report-{ $key }.docx
chart-file-name = chart-{ $key }.png
chart-usage = Send /bieudo for the current period's chart, or /bieudo 2020-Q3 (add a plan's code, e.g. CDS2026, for that plan only).
chart-caption = 📈 Progress chart { $period } by agency (data as of { $asOf }): { $agencies } agencies, the most behind on top.
chart-caption-as-file = (A tall image, sent as a file to keep the text sharp.)
chart-nothing = { $period }: no agency has tasks in this period, so there is nothing to chart.
chart-title = Progress of the tasks by agency — { $period }
chart-subtitle = Assignments by category, as of { $asOf } · { $agencies } agencies, the most behind on top
chart-axis = Assignments (task × lead agency)
report-docx-national-name = SOCIALIST REPUBLIC OF VIET NAM
report-docx-motto = Independence - Freedom - Happiness
report-docx-number = No.: { $number }
report-docx-place-date = { $place }, { $day }/{ $month }/{ $year }
report-docx-kind = REPORT
report-docx-period = Q{ $quarter } { $year }
report-docx-plan-fallback = the plan
report-docx-plan-of = { $plan } of { $issuer }
report-docx-subject = Results of the { $plan }, { $period }
report-docx-intro = Implementing the { $plan } (the Plan), on the basis of the agencies' reports, { $issuer } reports on the Plan's results for { $period } as follows:
report-docx-results = I. RESULTS
report-docx-reporting-heading = 1. Reporting by the agencies
report-docx-reporting = The { $period } reporting period covers { $from } to { $to }; reports were due before { $deadline }. { $owing } agencies owe a report: { $reported } reported in full and { $notReported } did not; { $missing }/{ $owed } assignments have not been reported (details in the Appendix).
report-docx-reporting-none = The { $period } reporting period covers { $from } to { $to }; no agency owes a report in it.
report-docx-as-of = Figures in this report are as of { $hour }:{ $minute } on { $date }.
report-docx-as-of-day = Figures in this report are as of the end of { $date }.
report-docx-categories-heading = 2. Results of the tasks
report-docx-categories = { $assignments } assignments in all ({ $tasks } tasks; an assignment is one task led by one agency) of { $agencies } agencies: { $counts }.
report-docx-category-count = { $category } { $count }
report-docx-cumulative = Cumulative { $months } months of { $year }: the agencies sent { $updates } reports; { $everyPeriod }/{ $assignments } assignments were reported in each of the year's { $periods } periods.
report-docx-chart-reference = Each agency's progress is shown in the Chart in the Appendix.
report-docx-chart-caption = Chart: progress of the tasks by agency, { $period } (the most behind on top)
report-docx-chart-part = { $caption } (part { $part }/{ $parts })
report-docx-details-heading = 3. Results by group of tasks
report-docx-indicators-heading = 4. Results against the plan's indicators
report-docx-indicators-intro = The plan has { $count } indicators in force this period; on the agencies' cumulative figures, { $met } are met, { $notMet } are not met, and { $unknown } lack the figures to judge.
report-docx-indicators-rules = The province's figure is the mean of the agencies' latest figures (or their sum, or the share of agencies meeting the target, per indicator); the cumulative figure takes each agency's latest figure up to the period's end; met or not is judged on the cumulative figure.
report-docx-indicator-col-text = Indicator
report-docx-indicator-col-period = This period
report-docx-indicator-col-cumulative = Cumulative
report-docx-indicator-col-target = Target
report-docx-indicator-col-met = Assessment
report-docx-indicator-col-missing = Not reported
report-xlsx-indicator-col-missing-count = Not reported / expected
report-xlsx-indicator-missing-all = No agency has reported
report-docx-section = { $number }. { $title }
report-docx-task = Task { $code }: { $title }
report-docx-row = - { $agency }: { $details } ({ $source }).
report-docx-row-done = done
report-docx-row-done-late = done, after its due date { $due }
report-docx-row-in-progress = in progress
report-docx-row-blocked = blocked: “{ $blocker }”
report-docx-row-blocked-plain = blocked
report-docx-row-not-started = not started
report-docx-row-text = reported: “{ $text }”
report-docx-row-progress = { $progress }% done
report-docx-row-eta = expected by { $date }
report-docx-row-overdue = overdue (due { $due })
report-docx-row-cumulative = cumulative { $months } months: { $count } reports
report-docx-row-source = reported by { $person } on { $date }
report-docx-row-source-unnamed = reported on { $date }
report-docx-done-before = - Done in an earlier period: { $agencies }.
report-docx-not-reported = - Not reported in this period: { $agencies }.
report-docx-problems = II. DIFFICULTIES AND OBSTACLES
report-docx-problems-none = No agency reported a difficulty or obstacle in this period.
report-docx-problems-intro = In this period { $agencies } agencies reported { $count } difficulties or obstacles (in their own words):
report-docx-problem-agency = { $agency }:
report-docx-problem = - Task { $code } ({ $title }): “{ $blocker }” ({ $source }).
report-docx-next = III. PRIORITIES FOR THE NEXT QUARTER
report-docx-next-intro = In { $period }, the agencies are asked to focus on:
report-docx-next-overdue = a) Tasks past their due date, to be finished urgently:
report-docx-next-due = b) Tasks falling due in { $period }:
report-docx-next-task = - { $code }. { $title } — { $agencies }; due { $due }.
report-docx-next-none = - None.
report-docx-agencies-more = { $names } and { $more } other agencies
report-docx-proposals = IV. PROPOSALS AND RECOMMENDATIONS
report-docx-proposals-blocked = { $authority } is asked to consider and direct the removal of the obstacles to these tasks:
report-docx-proposal = - Task { $code } ({ $agency }): { $blocker }.
report-docx-proposal-no-text = - Task { $code } ({ $agency }).
report-docx-proposals-placeholder = [The drafting unit adds its specific proposals here.]
report-docx-closing = This is { $issuer }'s report on the Plan's results for { $period }./.
report-docx-recipients = To:
report-docx-recipient = - { $recipient };
report-docx-archive = - Filed: { $archive }.
report-docx-signer-placeholder = [Signer's full name]
report-docx-appendix = Appendix
report-docx-appendix-title = REPORTING AND TASK RESULTS OF THE AGENCIES, { $period }
report-docx-appendix-reference = (Attached to report No. { $number } of { $date } by { $issuer })
report-docx-appendix-unit = Unit: assignments (task × lead agency); the most behind on top.
report-docx-col-index = No.
report-docx-col-agency = Agency
report-docx-col-owed = To report
report-docx-col-reported = Reported
report-docx-col-standing = Reporting status
report-docx-total = Total
report-sheet-assignments = Tasks
report-sheet-summary = Agencies
report-sheet-cumulative = Cumulative { $months } months
report-sheet-indicators = Indicators
report-col-stt = No.
report-col-task = Task no.
report-col-title = Title
report-col-agency = Lead agency
report-col-agency-code = Agency code
report-col-agency-name = Agency
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
report-col-timeliness = Reporting standing
report-col-updates-year = Updates since the year's start
report-col-status-end = Status at period end
report-col-this-period = This period
report-this-period-reported = Reported
report-this-period-missing = Missing
report-this-period-none = Nothing owed
report-yes = Yes
report-no = No
report-timeliness-complete = Complete, on time
report-timeliness-late = Report { $days } days late
report-timeliness-pending = Not yet due
report-timeliness-none = Nothing to report
report-title-summary = REPORTING BY AGENCY
report-title-assignments = TASKS OF EACH AGENCY
report-title-cumulative = CUMULATIVE { $months } MONTHS: TASKS OF EACH AGENCY
report-title-indicators = RESULTS AGAINST THE PLAN'S INDICATORS
report-title-period = Reporting period: { $period } — figures as of { $asOf }
report-title-unit = Compiled by: { $unit }
report-title-made = Made on: { $date }
report-span-counts = Tasks
report-span-categories = Tasks by progress
report-span-periods = Reported in the period
report-totals = Total
report-group-heading = { $agency } ({ $count } tasks)
report-text-button-done = Pressed: Done
report-text-button-progress = Pressed: In progress { $value }%
report-page = Page

command-conlai = What my agency still owes this period
command-capnhat = Report progress, e.g. /capnhat II.2 xong
status-done = done
status-in_progress = in progress
status-not_started = not started
status-progress-only = progress { $progress }%
status-blocker = blocked by: { $blocker }
status-eta = expected by { $date }
update-recorded = ✅ Recorded { $code }: { $details }
update-corrected = ✏️ Corrected from your edited message — { $code }: { $details }
update-period = (Reporting period { $period })
update-progress-over-done = ({ $value }% is over 100%: recorded as done.)
update-progress-over-ask = ❓ { $code }: { $value }% is over 100%, so no progress was recorded. Record it ✅ done (100%), or how many percent? Tap a button or type a number (e.g. 60).
update-progress-over-retype = ❓ { $code }: { $value }% is over 100%, so no progress was recorded. Please type it again, e.g. «{ $code } done» or «{ $code } 60%».
update-unsure = ❓ { $code }: the message says both done and not done; the bot read «{ $details }» but recorded nothing. Press a button to choose, or send it again (for example: «{ $code } in progress 60%»).
update-not-own = ⛔ { $code } is led by { $leads }; you can only update the tasks of { $agency }.
update-no-lead = ⛔ { $code } has no named lead agency in the plan, so it cannot be updated yet.
update-unknown-task = ❓ There is no task { $code } in the plan. Send /nhiemvu for the task codes.
update-unknown-task-in-plan = ❓ Plan { $plan } has no task { $code }. Send /nhiemvu for the task codes.
update-unknown-plan = ❓ No plan is called «{ $word }», so { $code } was not recorded. Plans under way: { $plans }. Please type the plan's code before the task code, e.g. «{ $example } xong».
update-closed-plan = ⛔ Plan { $plan } ended on { $date }, so it takes no more updates.
update-ambiguous-retype = ❓ { $code } is in several plans ({ $plans }), so it was not recorded. Please type it again with the plan's code, e.g. «{ $example } xong».
update-unknown-item = ❓ No item number { $index }: send /nhiemvu or /conlai for the list, then answer by its number.
update-which-task = Which task is this update for?
update-which-task-typed = Tap a button, or type the task code (e.g. { $code }).
update-which-plan = ❓ { $code } is in { $count } plans; which plan is this update for? (Nothing is recorded until you choose.)
update-which-plan-typed = Tap a button, or type the plan's code (e.g. { $plan }).
update-which-task-page = Page { $page }/{ $pages } ({ $count } tasks).
update-which-task-more = More ▶
update-no-open-task = { $agency } has no open task this period. Send /nhiemvu for the list.
update-no-agency = Your account belongs to no agency, so it has no tasks to update.
update-usage =
    Usage: /capnhat <task code> <status>
    E.g. /capnhat II.2 done · /capnhat II.9 in progress 60% · /capnhat V.3 vướng kinh phí (blocked: no budget)
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
remaining-footer = Answer by number or code: «#1 done», «{ $code } in progress 60%», or tap a button below.
command-cham = Who has not reported, who is behind (coordinators)
command-nhac = Nudge an agency now, e.g. /nhac Sở Y tế
command-tinhhinh = One agency's or task's standing, e.g. /tinhhinh II.2
command-baocao = The quarter's report (Word, Excel), e.g. /baocao 2020-Q1
command-bieudo = The progress chart by agency, e.g. /bieudo 2020-Q3
command-chitieu = The plan's indicators; report e.g.: CT2: 45%

## Scheduled reminders (reminder-, overdue-, summary-, unreachable-)
reminder-header = ⏰ Report reminder { $period } — { $agency }
reminder-deadline = Due before 00:00 on { $deadline }.
reminder-window = Data from { $from } to { $to }.
reminder-cumulative = The report covers { $months } months cumulatively.
reminder-owed = { $count } task(s) still without an update:
reminder-item = • { $code } — { $title }
reminder-plan-heading = 📂 { $plan } — { $title } ({ $count } task(s)):
reminder-stand-in = ({ $names } away, so this reminder comes to you.)
reminder-reply = Reply to this message: «{ $done } done», «{ $doing } in progress 60%», «{ $blocked } vướng kinh phí» (blocked: no budget) — or tap a button below.
reminder-button-done = ✅ Done { $code }
reminder-button-doing = ⏳ Doing { $code }
reminder-button-blocked = ⚠️ Blocked { $code }
overdue-header = ⚠️ The { $period } report is overdue (due before 00:00 on { $deadline }) — { $agency }
overdue-owed = No update yet for { $count } task(s):
overdue-reply = Please update now so the report can be compiled. Reply to this message: «{ $done } done», «{ $doing } in progress 60%», «{ $blocked } vướng kinh phí» (blocked: no budget).
summary-header = 📊 { $period } report summary (due before 00:00 on { $deadline })
summary-reported = Fully reported: { $reported }/{ $total } agencies.
summary-all-reported = ✅ Every agency has reported.
summary-late-header = Not fully reported ({ $count }):
summary-late-item = • { $agency }: { $codes }
summary-blocked-header = Blocked tasks ({ $count }):
summary-blocked-item = • { $code } · { $agency } — { $blocker }
summary-unreachable-header = Cannot be reached ({ $count }):
summary-unreachable-item = • { $agency } — { $reason }
summary-blocked-bot-header = Accounts that blocked the bot ({ $count }):
summary-blocked-bot-item = • { $name } ({ $agency })
summary-undelivered-header = Reminders that could not be delivered because of connection errors ({ $count } people):
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
away-none = You are not marked away. Example: /vang 15/3 (away until the end of 15/3).
away-current = You are away until the end of { $until }. Type /vang huy to cancel.
away-bad-date = Cannot read the date «{ $text }». Example: /vang 15/3 (away until the end of 15/3), or /vang huy to cancel.

## Report calendar and scheduler runs (calendar-, tick-)
period-name = Q{ $quarter }/{ $year }
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
tick-delivered = Sent { $sent }, not delivered { $failed }, accounts that blocked the bot { $blocked }, skipped as expired { $skipped }, retries { $retries }.
tick-failure = • { $key }: { $reason }
tick-failure-blocked = • { $key } (the account blocked the bot): { $reason }
tick-deferred = ⏳ { $count } message(s) could not be sent for now (network or server error); later runs retry them until they expire.
tick-undelivered = { $count } message(s) could not be delivered before they expired (listed above); check the connection to Telegram.
tick-no-channel = No channel to send through (BOT_TOKEN unset) — messages wait in the outbox.
tick-pending = { $count } message(s) still waiting.
tick-unreachable = Cannot be reached: { $agencies }

cli-unexpected-error = Unexpected error: { $problem } (set LOG_LEVEL=debug for the details).
cli-bad-at = --at: "{ $value }" is not an ISO 8601 instant (e.g. 2020-03-10T09:00:00+07:00).
cli-at-no-such-day = --at: "{ $value }" is not a real calendar day; check the day and month (e.g. 2020-02-29).
cli-bad-start-at = --at: cannot read the date "{ $value }"; e.g. npm start -- --at 2020-03-13T08:00 (a wall time in APP_TZ) or --at "13/3/2020 08:00".
cli-start-at-needs-console = --at is for the console only: with BOT_TOKEN set, a simulated clock would send real reminders to real people. Unset BOT_TOKEN to try it, or drop --at.
cli-import-no-source = import: give a file (.json, .csv, .xlsx) or --builtin.
cli-import-two-sources = import: give either a file or --builtin, not both.
cli-import-nothing-valid = import: no valid task was read; nothing was imported.
cli-import-unknown-agencies = import: { $count } agency names are not in the registry (listed above); nothing was imported. Correct the names in the file, register the agencies with "nhacviec agencies add", or import again with --create-agencies.
import-file-missing = import: the file could not be read — { $file }: no such file.
import-file-unreadable = import: the file could not be read — { $file }: { $problem }
import-file-extension = import: { $file }: only .json, .csv and .xlsx files can be imported (this one { $extension ->
        [none] has no extension
       *[other] ends in { $extension }
    }).
import-file-bad-json = import: { $file } is not valid JSON — { $problem }
import-short-code-bad = import: { $file }: the plan's short code "{ $code }" cannot be used: it needs a letter first, then letters and digits (at most 16), e.g. "CDS2026".
import-json-first-report-bad = import: { $file }: "report_schedule_note" gives the first reporting period as year { $year }, quarter { $quarter }, which cannot be read; write "first_year" as a year (e.g. 2026) and "first_quarter" as 1, 2, 3 or 4.
import-short-code-taken = import: the short code "{ $code }" belongs to another plan; choose another (--short-code, or "short_code" in the file). See them all: nhacviec plans.
cli-import-bad-short-code = import: --short-code "{ $code }" cannot be used: it needs a letter first, then letters and digits (at most 16), e.g. "CDS2026".
cli-import-bad-first-report = import: --first-report "{ $quarter }" cannot be read; write the first reporting period as "2027-Q1".
cli-import-short-code-all = import: --short-code names one plan; leave it out with --builtin all (two plans).
cli-import-unknown-builtin = import: there is no built-in plan "{ $name }"; choose one of: { $names } (none: Gia Lai's NQ17 plan).
plans-error-unknown = plans close: there is no plan "{ $plan }"; the plans are: { $codes } (see: nhacviec plans).
plans-error-none = plans close: there is no plan yet (so no "{ $plan }"); load one with nhacviec import first.
plans-error-closed = plans close: the plan { $plan } was already closed on { $on }.
cli-plans-close-ahead = plans close: --at { $at } has not come yet; a plan's close is recorded when it happens (leave out --at to close it now).
import-file-not-catalogue = import: { $file } is not a plan catalogue: expected a JSON object whose "sections" is a list of sections.
import-file-no-header = import: { $file }: no header row found; expected columns like "Số TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú" (see the README and examples/plan-sample.csv).
import-file-bad-csv = import: { $file }: the CSV could not be parsed with ",", ";" or tab as delimiter.
import-file-no-worksheet = import: { $file }: the workbook has no worksheets.
import-file-bad-xlsx = import: { $file } is not a readable XLSX file — { $problem }
indicators-plan-missing = indicators import: there is no plan "{ $plan }" — import the plan first (nhacviec import …) or fix --plan.
indicators-import-bad-rows = indicators import: { $file } has { $count } rows to fix (listed above); nothing was imported.
indicators-import-empty = indicators import: { $file } lists no indicator; nothing was imported.
indicators-problem-row = { $file }, row { $row }: { $problem }
indicators-file-bad-json = indicators import: { $file } is not valid JSON — { $problem }
indicators-file-json-shape = indicators import: { $file }: expected a list of indicators (or an object whose "targets" is that list).
indicators-file-no-header = indicators import: { $file }: no header row; the columns are "STT", "Chỉ tiêu", "Giai đoạn", "Mục tiêu (%)", "Cấp", "Cách tính" (see examples/indicators-sample.csv).
indicators-problem-json-field = the field "{ $field }" is missing or of the wrong type; follow the built-in targets' form.
indicators-problem-period = "Giai đoạn" "{ $value }" is unreadable; write it as "2019-2020" or "2021".
indicators-problem-target = "Mục tiêu (%)" "{ $value }" is not a number from 0 to 100; write it as "20" or "20%".
indicators-problem-rank = "Xếp hạng" "{ $value }" is not a whole number; write it as "30".
indicators-problem-no-target = no "Mục tiêu (%)" (or "Xếp hạng"); fill in the indicator's target.
indicators-problem-level = "Cấp" "{ $value }" is unreadable; write "tỉnh", "huyện", "xã", or leave it empty (every agency).
indicators-problem-rule = "Cách tính" "{ $value }" is unreadable; write "trung bình", "tổng" or "tỷ lệ đơn vị đạt".
indicators-problem-deadline = "Năm hoàn thành" "{ $value }" is not a year; write it as "2025".
indicators-problem-no-text = the row has figures but no "Chỉ tiêu"; fill in the indicator's text or delete the row.
cli-backup-postgres = backup: this backs up a SQLite database; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file={ $target } "$DATABASE_URL" (restore with pg_restore).
cli-backup-memory = backup: an in-memory database (sqlite::memory:) cannot be backed up.
cli-backup-failed = backup: the backup failed — { $problem }
cli-backup-no-database = backup: there is no database at { $source } — check DATABASE_URL.
cli-out-no-folder = { $command }: the folder { $folder } does not exist — create it first or choose another place.
cli-out-exists = { $command }: the file { $file } exists already — add --force to overwrite it, or choose another name.
cli-out-write-failed = { $command }: could not write { $file } — { $problem }
cli-agency-bad-kind = agencies add: --kind must be one of { $kinds } (got "{ $kind }").
cli-agency-bad-code = agencies add: --code takes lowercase letters, digits and dashes (got "{ $code }").
cli-invite-bad-role = invite: --role must be official or coordinator (got "{ $role }").
cli-invite-bad-count = invite: --count must be a whole number from 1 to { $max } (got "{ $count }").
cli-invite-all-and-agency = invite: use --agency for one agency, or --all for every lead agency, not both.
cli-invite-no-lead-agencies = invite --all: no agency leads a task yet — load a plan first (nhacviec import --builtin, or nhacviec import <file>).
cli-invite-bad-extension = invite: --out takes a .csv or .xlsx file (got "{ $file }").
calendar-bad-year = calendar: --year must be a year from { $min } to { $max } (got "{ $value }").
report-write-failed = report: could not write { $file } — { $problem }
agency-error-empty-name = The agency name is empty.
agency-error-exists = "{ $name }" is already registered: { $code } ({ $existing }).
agency-error-code-taken = The code { $code } is used by another agency.
agency-error-unknown = No agency matches "{ $agency }". Run "nhacviec agencies" for the list.
agency-error-name-taken = "{ $name }" is already the name or an alias of { $code } ({ $existing }).
agency-error-unknown-closest = No agency matches "{ $agency }"; closest: { $closest }.
agency-error-into-itself = { $agency } cannot be merged into itself or pass its work to itself.
agency-error-merged = { $agency } was already merged into { $into } on { $on }.
agency-error-dissolved = { $agency } was already dissolved on { $on }.
invite-error-needs-agency = invite: an official's invite needs --agency (an agency code or name).
weekly-header = 📊 Weekly summary — { $date }
zalo-document-elsewhere = 📎 The report «{ $fileName }» is a file, and the bot cannot send files on Zalo yet. Please open this report on Telegram, or ask a coordinator to send you the file.
zalo-photo-elsewhere = 📈 The chart «{ $fileName }» is an image, and the bot cannot send images on Zalo yet. Please look at it on Telegram, or ask a coordinator to send it.
zalo-document-link =
    📎 The report «{ $fileName }»: download the file from the link below (it works for { $hours } hours; please do not pass it on).
    { $url }
unsupported-message = The bot reads text only (or the caption of a photo or file). Please type, e.g. «II.2 done», «II.9 in progress 60%».
outbox-kind-reminder = reminders
outbox-kind-overdue = overdue notices
outbox-kind-summary = deadline summaries
outbox-kind-weekly = weekly summaries
outbox-kind-nudge = nudges
outbox-kind-unreachable = unreachable-agency notices
