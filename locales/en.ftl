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
    /trogiup — this help
help-coordinator =
    You are a coordinator: you follow every agency's progress.
    Commands:
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
tasks-footer = Reply like: «II.2 xong», «II.9 đang làm 60%», «V.3 vướng kinh phí».
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
    Type a message and press Enter. «:nguoi <name>» switches the sender (try both roles), «:thoat» quits.
console-user-switched = (You are now writing as «{ $user }».)
console-prompt = { $user }>
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
