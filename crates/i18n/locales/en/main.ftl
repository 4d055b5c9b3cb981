# English catalog

site-name = Jumelage
skip-to-content = Skip to content
nav-main = Main navigation
nav-home = Home
nav-organisations = Local authorities and institutions
nav-partnerships = Partnerships
nav-login = Sign in
nav-logout = Sign out
nav-api = API
lang-switch-label = Language
footer-text = Jumelage — the platform of the country groups of decentralized cooperation

network-title = Country groups

## Country group home
home-hashtag = The group's hashtag:
home-members-heading = Members and partners
home-members-of-country = { $country } ({ $count })
home-institutional-partners = Institutional partners and secretariat
home-partnerships-heading = Members' partnerships
home-other-groups = Other country groups

## Countries

## Levels of local government

## Kinds of organisation
kind-local-authority = Local authority
kind-embassy = Embassy
kind-state-body = State body
kind-association = Association
kind-network = Network
kind-agency = Agency
kind-economic-zone = Economic zone
kind-other = Other institution

## Partnerships
partnership-kind-twinning = Twinning
partnership-kind-friendship = Friendship agreement
partnership-kind-mou = Memorandum of understanding
partnership-kind-letter-of-intent = Letter of intent
partnership-kind-cooperation-agreement = Cooperation agreement
partnership-kind-informal = Informal relations
partnership-status-planned = Planned
partnership-status-active = Active
partnership-status-dormant = Dormant
partnership-status-ended = Ended
partnership-list-title = Partnerships
partnership-details = See the partnership
partnership-count = { $count ->
    [0] No partnership
    [one] { $count } partnership
   *[other] { $count } partnerships
}

## Roles in a group
group-role-member = Member
group-role-partner = Partner authority
group-role-observer = Institutional partner
group-role-secretariat = Secretariat

## Lists and filters
org-list-title = Local authorities and institutions
org-count = { $count ->
    [0] No organisation
    [one] { $count } organisation
   *[other] { $count } organisations
}
filter-label = Filter the list
org-filter-name = Name (in any language)
org-filter-country = Country
org-filter-level = Level
org-filter-kind = Kind
filter-any = Any
filter-apply = Filter
filter-reset = Clear filters
none-found = Nothing matches these criteria.
none-recorded = Nothing recorded yet.
col-name = Name
col-country = Country
col-level = Level
col-population = Population
col-partners = Partners
col-kind = Kind
col-signed = Signed
col-status = Status
col-themes = Themes
pagination-label = Pages
pagination-prev = Previous page
pagination-next = Next page
pagination-page = Page { $page } of { $pages }

## Organisation page
name-fr = Name in French
name-ko = Name in Korean
name-ko-latn = Romanisation
name-en = Name in English
org-country = Country
levels-generic = other countries
org-level = Level
org-kind = Kind
org-parent = Part of
org-children = Local authorities within
org-population = Population
org-population-value = { $population } inhabitants ({ $year })
org-seat = Seat
org-website = Website
org-notes = Notes
org-groups = Country groups
org-partnerships = Partnerships
org-people = Contacts
org-actions = Actions and projects
value-unknown = Unknown
sources-heading = Sources
source-record = Record
source-extra = Other source
source-seed-report = Minutes of the Korea country group meeting (28 January 2021)

## Sign-in
login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
invitation-title = Choose your password
invitation-intro = You have been invited to the platform with the address
invitation-password = New password (at least 10 characters)
invitation-password-confirm = Confirm the password
invitation-submit = Save and enter

## Errors
error-page-title = Something went wrong
error-page-not-found-title = Page not found
error-field = Field:
error-status = Error code:
error-back-home = Back to the home page
error-not-found = What you are looking for does not exist or no longer exists.
error-forbidden = You are not allowed to do this.
error-unauthenticated = Sign in to do this.
error-required = This field is required.
error-too-long = This text is too long.
error-invalid-country = Unknown country code: use a two-letter ISO code (FR, KR…).
error-invalid-language = Unknown language code: use a BCP 47 tag (fr, ko, en, ar, ja…).
error-invalid-hashtag = Invalid hashtag: letters, digits and “_” only, at most 100 characters.
error-invalid-level = Unknown level of local government.
error-level-country-mismatch = This level does not exist in that country's system.
error-invalid-kind = Unknown kind.
error-invalid-status = Unknown status.
error-invalid-number = Invalid or out-of-range number.
error-query-too-short = Type at least two letters to search.
error-control-characters = This text holds invisible control characters (NUL, ESC, writing-direction overrides…): remove them.
error-wrong-field-count = This row has { $found } columns where the header has { $expected }: a cell is missing or extra.
error-method-not-allowed = This address does not accept this HTTP method.
error-body-too-large = The request is too large.
error-unsupported-media-type = This content type is not accepted here.
error-timeout = The request took too long; try again.
error-invalid-date = Invalid date (expected format: YYYY-MM-DD).
error-invalid-coordinates = Invalid coordinates (latitude between -90 and 90, longitude between -180 and 180).
error-invalid-url = Invalid web address: it must start with http:// or https://.
error-invalid-email = Invalid e-mail address.
error-self-partnership = An organisation cannot be its own partner.
error-unknown-organisation = Unknown organisation.
error-unknown-group = Unknown country group: pick a group from the network's list.
error-duplicate-id = This id or address is already in use.
error-invalid-id = Invalid id: lower-case letters, digits and dashes only.
error-parent-cycle = An organisation cannot be part of itself.
error-version-conflict = Someone changed this record in the meantime: reload it before saving.
error-invalid-credentials = Wrong e-mail address or password.
error-too-many-attempts = Too many attempts: try again in a few minutes.
error-csrf-mismatch = The form has expired: reload the page and try again.
error-invalid-token = This link or token is not valid, or it has expired.
error-weak-password = The password must have at least 10 characters.
error-password-mismatch = The two passwords differ.
error-bad-request = The request is malformed.
error-internal = An internal error occurred; it has been logged.

## Dates
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $weekday } { $day } { $month } { $year }
date-medium = { $day } { $month } { $year }

## Meetings
nav-meetings = Meetings
nav-roadmap = Roadmap
save = Save
in-french = In French
in-korean = In Korean
in-english = In English
meeting-list-title = Group meetings
meeting-new-title = New meeting
meeting-edit-title = Change the meeting
meeting-back = Back to the meeting
meeting-title = Title
meeting-when = Date and time
meeting-date = Date
meeting-start = Start
meeting-end = End
meeting-end-date = End date (when the meeting ends on another day)
meeting-time-zone = Time zone of record
meeting-format = Format
meeting-format-in-person = In person
meeting-format-remote = Remote (video call)
meeting-format-hybrid = Hybrid
meeting-place = Place
meeting-link = Video link
meeting-visibility = Visibility
meeting-visibility-group = The group's members and partners
meeting-visibility-public = Public
meeting-agenda = Agenda
meeting-agenda-help = One item per line; the lines of the three languages match in order.
meeting-agenda-and-minutes = Agenda and minutes
meeting-decisions = Decisions
meeting-follow-ups = Follow-ups
meeting-carried = Follow-ups of earlier meetings, still open
meeting-participants = Participants
meeting-presence-count = { $present } present of { $count } participants
meeting-register = Register
meeting-invite = Invite
meeting-invite-organisation = Organisation id (e.g. fr-issy)
meeting-attachments = Documents (slides, annexes)
meeting-attachment-title = Document title
meeting-attachment-file = File (PDF, PPTX, DOCX, XLSX, ODT, ODP, PNG, JPEG, TXT; 20 MB at most)
meeting-attachment-add = Attach
meeting-calendar-file = Add to my calendar (.ics)
meeting-feed = Subscribe to the group's calendar
meeting-show-times-in = Show times in
meeting-cancel = Cancel the meeting
meeting-cancelled = Cancelled
meeting-cancelled-notice = This meeting is cancelled.
when-with-date = { $date }, { $start }–{ $end } ({ $zone })
when-time = { $start }–{ $end } ({ $zone })
zone-europe-paris = Paris
zone-asia-seoul = Seoul
zone-utc = UTC
presence-invited = Invited
presence-registered = Registered
presence-present = Present
presence-excused = Excused
presence-absent = Absent
attendance-sheet = Participants
attendance-name = Name
attendance-organisation = Organisation
attendance-organisation-id = Organisation id
attendance-role = Position
attendance-presence = Presence
attendance-csv = Attendance list (CSV)
attendance-xlsx = Attendance list (XLSX)

## Minutes
minutes-heading = Minutes
minutes-edit-title = Write the minutes
minutes-correct = Correct the final minutes
minutes-correction-reason = Reason for the correction
minutes-help = Markdown text (**bold**, *italics*, lists with “-”). Every save makes a new version; none is ever lost.
minutes-whole = Minutes
minutes-status-draft = Draft
minutes-status-in-review = In review
minutes-status-final = Final
minutes-action-draft = Back to draft
minutes-action-in-review = Send for review
minutes-action-final = Approve as final
minutes-kind-edit = Writing
minutes-kind-status = Status change
minutes-kind-correction = Correction
minutes-versions-title = Versions of the minutes
minutes-version = Version
minutes-when = When
minutes-author = Author
minutes-change = Change
minutes-diff-title = Differences
minutes-print = Printable version

meeting-add-decision = Add a decision
meeting-add-follow-up = Add a follow-up
meeting-agenda-item = Agenda item
follow-up-owner-text = Owner (when not an organisation of the directory)
follow-up-due-help = Due (2021-06, 2021-11..2021-12, 2022-early, 2021-06-15)

## Follow-ups
board-title = Follow-up board
board-open = To do
board-closed = Done or dropped
follow-up-owner = Owner:
follow-up-due = Due:
follow-up-from = Decided at
follow-up-change = Update
follow-up-status-open = To do
follow-up-status-in-progress = In progress
follow-up-status-done = Done
follow-up-status-dropped = Dropped

## Roadmap
roadmap-title = Roadmap { $year }
roadmap-years = Years
roadmap-axis = Axis
roadmap-carried-by = Carried out at:
work-status-planned = Planned
work-status-in-progress = In progress
work-status-done = Done
work-status-dropped = Dropped
period-month = { $month } { $year }
period-months = { $from }–{ $to } { $year }
period-early = early { $year }
period-mid = mid-{ $year }
period-late = late { $year }
period-year = { $year }

## Errors (meetings)
error-unknown-time-zone = Unknown time zone (for example Europe/Paris or Asia/Seoul).
error-invalid-time = Invalid time (expected format: HH:MM).
error-ambiguous-local-time = This time occurs twice on that day (clocks go back): choose another time.
error-nonexistent-local-time = This time does not exist on that day (clocks go forward): choose another time.
error-end-before-start = The end must come after the start.
error-invalid-period = Invalid period (e.g. 2021-06, 2021-11..2021-12, 2022-early, 2021).
error-minutes-locked = The minutes are final: they can no longer be changed, only corrected with a reason.
error-invalid-transition = This status change is not possible.
error-file-too-large = The file is too large (20 MB at most).
error-file-type = File type refused, or content that does not match its extension.

## Seminars
nav-seminars = Seminars
seminar-list-title = Seminars
seminar-number = Seminar
seminar-facilitators = Facilitating authorities:
seminar-duration = Duration
seminar-programme = Programme
seminar-register = Register
seminar-registrations = Registered
seminar-waitlisted = waiting list:
seminar-status-planned = Planned (date to be set)
seminar-status-scheduled = Scheduled
seminar-status-held = Held
seminar-status-cancelled = Cancelled
seminar-format-interactive-remote-workshop = Interactive remote workshop
registration-confirmed = You are registered; a confirmation e-mail is on its way with the calendar file.
registration-waitlisted = The seminar is full: you are on the waiting list and will hear from us if a place frees up.
registration-already = You are already registered for this seminar.
size-small = under 100,000 inhabitants
size-medium = 100,000 to 999,999 inhabitants
size-large = 1,000,000 inhabitants and over
size-unknown = unknown population

## Consultation
consultation-title = Consultation of the local authorities
consultation-demo = Demo: these answers are invented to show how it works.
consultation-open = Open the consultation
consultation-opened = The consultation is open.
consultation-is-open = Open
consultation-is-closed = Closed
consultation-answered = have answered
consultation-answered-on = Answered
consultation-not-yet = not yet
consultation-willing = Facilitation
consultation-ranks = Themes ranked
consultation-link = Personal link
consultation-make-links = Make personal links
consultation-make-link = Make a link
consultation-links-made = Personal links made for the authorities that have not answered; they are shown once only, copy them now.
consultation-remind = Send e-mail reminders
consultation-reminded = { $count ->
    [0] No reminder to send.
    [one] One reminder queued.
   *[other] { $count } reminders queued.
}
consultation-close = Close the consultation
consultation-closed = The consultation is closed.
consultation-answer-title = Your themes for the seminars
consultation-rank-themes = Rank the themes that interest you
consultation-rank-help = 1 = most interesting; leave the others as “not interested”.
consultation-not-interested = not interested
consultation-willing-question = Would your authority co-facilitate a seminar?
willing-yes = Yes
willing-maybe = Maybe
willing-no = No
consultation-availability = Availability (months, periods)
consultation-comments = Comments
consultation-send = Send the answer
consultation-thanks = Thank you, your answer is saved. You can change it with the same link.

## Line-up
lineup-title = Facilitating authorities
lineup-optimal = Optimal line-up (proven)
lineup-score = Score:
lineup-infeasible = No line-up meets every rule with these answers.
lineup-lock = Keep
lineup-release = Release
lineup-remove = Remove
lineup-restore = Restore
lineup-removed = Removed:
lineup-locked-badge = kept
lineup-why = Why this line-up
lineup-save = Save this line-up
lineup-saved = Line-up saved.
lineup-solved-again = Line-up solved again.
lineup-chosen = { $name }: { $seminar } is its choice no. { $rank } (+{ $points }).
lineup-locked = { $name } is kept for { $seminar } as you asked.
lineup-twins = { $a } and { $b } are partners and facilitate { $seminar } together (+{ $points }).
lineup-diverse-levels = { $seminar }: the authorities from { $country } are of different levels (+{ $points }).
lineup-same-level = { $seminar }: the authorities from { $country } are all of level “{ $level }”.
lineup-diverse-sizes = { $seminar }: the authorities from { $country } are of different sizes (+{ $points }).
lineup-same-size = { $seminar }: the authorities from { $country } all have { $size }.
lineup-too-few = { $seminar } needs { $needed } authorities from { $country }, but only { $available } are candidates.
lineup-lock-conflict = { $seminar } takes { $allowed } authorities from { $country }, but these are kept: { $names }.
lineup-shared-shortage = { $seminars } together need { $needed } authorities from { $country }, but only { $available } are candidates for any of them.

## Slots
slots-title = Find a time
slots-from = From
slots-to = To
slots-hours = Working hours — { $zone }
slots-holidays-unknown = Public holidays the platform does not know (only weekends are left out):
slots-find = Search
slots-found = slots within both countries' working hours, weekends and public holidays excluded
slots-no-overlap = working days without a long enough overlap:
slots-schedule = Schedule at this time
slots-holidays = Public holidays left out

## E-mails
email-date-later = Date to be set ({ $period }): you will receive it by e-mail.
email-registered-subject = Registration confirmed: { $theme }
email-registered-body =
    Dear { $name },

    Your registration for the seminar “{ $theme }” is confirmed.

    { $when }

    The attached calendar file adds the seminar to your calendar. Details: { $url }

    { $access }

    To cancel your registration: { $manage }

    { $signature }
email-access-link = Video link: { $link }
email-access-later = The video link will be on the seminar's page.
email-waitlisted-subject = Waiting list: { $theme }
email-waitlisted-body =
    Dear { $name },

    The seminar “{ $theme }” is full: you are on the waiting list. We will write to you if a place frees up.

    { $when }

    { $url }

    To leave the waiting list: { $manage }

    { $signature }
email-reminder-subject = Reminder: consultation on the themes — { $series }
email-reminder-body =
    Dear { $name },

    Your authority has not yet said which themes interest it for “{ $series }”. Answering takes two minutes:

    { $url }

    { $signature }
error-duplicate-rank = Two themes have the same rank: give each a different rank.
error-capacity-reached = There is no place left.
error-registration-closed = Registration is closed: the seminar is over or cancelled.
seminar-invite = Invite the group's members by e-mail
seminar-invited = { $count ->
    [0] Nobody to invite.
    [one] One invitation queued.
   *[other] { $count } invitations queued.
}
email-invitation-subject = Invitation: { $theme }
email-invitation-body =
    Dear { $name },

    You are invited to the seminar “{ $theme }” of the series “{ $series }”.

    { $when }

    The attached calendar file adds the seminar to your calendar. Registration and programme: { $url }

    { $signature }
error-solver-time-limit = Finding the optimal line-up takes too long: remove or keep some candidates, then try again.
error-unknown-column = Unknown column: the import template lists the expected columns.
error-missing-column = Missing column: the import template lists the expected columns.
error-file-unreadable = Unreadable file: save it as UTF-8 CSV or as XLSX.
import-title = Import into the directory
import-collection = What the file holds
import-file = File (UTF-8 CSV, XLSX or JSON)
import-check = Check the file
import-failed = Nothing was imported: fix these rows and try again.
import-ready = The file is right; rows ready:
import-confirm = Import now
import-done = Import done; records created:
import-row = Row
import-column = Column
import-problem = Problem
import-templates = File templates
import-help = The columns are the export's: an exported file imports as it is. A partnership's themes are separated by “|”, each an id or a label of the theme list (page “Themes”). The import is all or nothing.
nav-map = Map
map-title = Map of the partnerships
map-help = Each dot is an organisation's seat; each arc, a partnership. The directory's filters apply here too.
map-as-list = See as a list
map-desc = Metropolitan France on the left and South Korea on the right; partnerships link local authorities of both countries.
map-source = Base map: Natural Earth (public domain).
map-partnerships = Partnerships drawn
map-unplaced = Organisations without a known seat
export-label = Export:
name-ko-latn-suggested = Suggested romanisation
org-edit-title = Edit the record
org-names = Names
org-population-year = Census year
org-lat = Seat latitude
org-lon = Seat longitude
record-archived = This record is archived: it no longer appears in lists.
history-heading = History of changes
history-field = Field
history-old = Old value
history-new = New value
history-who = By

## Search
search-title = Search the register
search-label = Search organisations, people, partnerships and actions
search-submit = Search
search-count = { $count ->
    [0] Nothing found for “{ $query }”.
    [one] One result for “{ $query }”.
   *[other] { $count } results for “{ $query }”.
}
search-kind-organisation = Organisation
search-kind-partnership = Partnership
search-kind-person = Person
search-kind-action = Action
search-kind-meeting = Meeting
search-kind-seminar = Seminar
search-kind-series = Seminar series
nav-search = Search

## Register editing: themes, contacts, actions, documents, timeline, list filters
error-unknown-theme = Unknown theme: choose one from the list the secretariat keeps (its id or its label).
source-themes-as-given = Themes as the source words them
partnership-edit-title = Edit the partnership
partnership-signed-date = Date signed
partnership-signed-year = Year signed
partnership-back = Back to the partnership
person-name = Name
person-name-ko = Name in Korean
person-email = E-mail address
person-title-fr = Title (French)
person-title-ko = Title (Korean)
person-title-en = Title (English)
person-edit-title = Edit the contact
person-new-title = Add a contact
action-title-fr = Title (French)
action-title-ko = Title (Korean)
action-title-en = Title (English)
action-start-date = Start
action-end-date = End
action-date-text = When, in words
action-date-text-hint = When exact dates are missing: “since 2008”, “every spring”.
action-status-note = Status
action-edit-title = Edit the action
action-new-title = Add an action
themes-title = Themes
themes-intro = Themes classify partnerships; the secretariat keeps them in French and Korean. The count leads to the theme's partnerships.
theme-id = Id
theme-id-hint = Lower-case letters, digits, - and _; made from the French label when empty.
theme-label-fr = French label
theme-label-ko = Korean label
theme-label-en = English label
theme-position = Place in lists
theme-edit-title = Edit the theme
theme-new-title = Add a theme
theme-uses = Partnerships
col-actions = Actions
edit = Edit
archive = Archive
restore = Restore
record-archived-short = archived
timeline-heading = Status over time
timeline-signed = Agreement signed
timeline-recorded = Entered in the register, status: { $status }
timeline-status = Status: { $old } → { $new }
documents-heading = Agreement documents
documents-sign-in = Documents are for signed-in users.
document-title = Document title
document-file = File
document-hint = PDF, Word, OpenDocument, PowerPoint, Excel, PNG, JPEG or text; 20 MB at most.
document-upload = Attach the document
filter-year-from = Signed from
filter-year-to = Signed until
filter-sort = Sort by
sort-partnerships-year = Year, oldest first
sort-partnerships-year-desc = Year, newest first
sort-partnerships-updated-desc = Last changed
sort-organisations-name = Country, then name
sort-organisations-population-desc = Population, largest first
sort-organisations-population = Population, smallest first
sort-organisations-updated-desc = Last changed
partnerships-on-map = See them on the map

## Audit log
nav-audit = Audit log
audit-title = Audit log
audit-intro = Every sign-in, refusal, archiving, import, export of personal data and account change, newest first. The log cannot be edited.
audit-event = Event
audit-all-events = All events
audit-empty = No events.
audit-when = When
audit-who = Who
audit-target = Target
audit-detail = Detail
audit-client = Address
audit-older = Older events
audit-event-sign-in = Sign-in
audit-event-sign-in-failed = Failed sign-in
audit-event-sign-in-throttled = Sign-in throttled
audit-event-refused = Access refused
audit-event-archived = Archived
audit-event-restored = Restored
audit-event-import = Import
audit-event-export = Export of personal data
audit-event-token-created = Token created
audit-event-token-revoked = Token revoked
audit-event-session-revoked = Session closed
audit-event-user-created = Account created
audit-event-user-disabled = Account disabled
audit-event-user-enabled = Account enabled again
audit-event-password-reset = Password reset

## Accounts
nav-users = Accounts
account-title = My account
account-sessions = Open sessions
account-opened = Opened
account-expires = Expires
account-actions = Actions
account-this-session = this session
account-close-session = Close
account-tokens = API tokens
account-tokens-intro = A token lets a script act on your behalf (Authorization: Bearer header). Revoke those no longer used.
account-no-tokens = No tokens.
account-token-name = Token name
account-last-used = Last used
account-revoked = Revoked
account-revoke = Revoke
account-create-token = Create a token
account-token-shown-once = Here is your new token. Copy it now: it will not be shown again.
users-title = Accounts
users-name = Name
users-roles = Roles
users-state = State
users-active = Active
users-disabled = Disabled
users-enable = Enable
users-disable = Disable
reset-title = Forgotten password
reset-intro = Give your account's address: we will send a link there, valid for an hour, to choose a new password.
reset-submit = Send the link
reset-sent = If an account uses this address, a link has just been sent there. It is valid for an hour.
login-forgot = Forgotten password?
email-reset-subject = Choose a new password
email-reset-body = Hello { $name },

    To choose a new password, open this link (valid for an hour, once):
    { $url }

    If you asked for nothing, ignore this message: your password does not change.

# Country groups
group-id = Group id
group-id-hint = Lower case, no spaces, for example “sn”; it cannot change later.
group-partner-language = Partner country language
group-partner-language-hint = BCP 47 tag: ar, ja, vi, zh, wo…
group-partner-name = Name in that language
group-country = Partner country
group-time-zones = Time zones of the partner country
group-time-zones-hint = IANA names separated by commas, for example Africa/Dakar or America/New_York, America/Los_Angeles; Paris always comes first.
group-languages = Content languages
group-languages-hint = BCP 47 tags separated by commas; French is always one of them.
group-hashtags = Hashtags
group-about-fr = About, in French
group-about-ko = About, in Korean
group-about-en = About, in English
group-new-title = New country group
group-edit-title = Group settings
group-members-title = Members of { $group }
group-add-member = Add a member
group-find-organisation = Find a local authority or institution by name
group-none-found = No organisation of the directory matches (or they are members already).
group-organisation = Organisation
group-role = Role in the group
group-remove-member = Remove
group-member-added = Member added.
group-member-removed = Member removed; its history in the group is kept.
group-manage-members = Manage members
group-settings = Settings
email-signature = — { $network }, { $group }
lineup-partial = No full line-up exists with these answers: here is the one that fills the most places, the best among those.
lineup-unfilled = { $seminar }: { $missing ->
    [one] one place
   *[other] { $missing } places
} for { $country } { $missing ->
    [one] stays
   *[other] stay
} empty — { $ranked } candidate(s) of that country ranked it, { $members } authorities of that country in the group.

# Running a series from pages
series-new-title = New seminar series
series-year = Year
seminar-new-title = Add a seminar
seminar-edit-title = Edit the seminar
seminar-period = Planned period
seminar-start-date = Date
seminar-start-time = Time (Paris)
seminar-start-hint = Leave empty until the date is set; date and time are Paris time.
seminar-duration-minutes = Length (minutes)
seminar-capacity = Places (empty: no limit)
seminar-audience = Audience
seminar-status = Status
seminar-audience-members = Group members
seminar-audience-public = Open to the public
programme-title = Programme — { $seminar }
programme-total = Presentations in all:
programme-empty = No presentation yet.
programme-up = Move up
programme-down = Move down
programme-remove = Take off the programme
programme-add = Add a presentation
programme-organisation = Presenting authority
programme-speaker = Speaker
programme-edit-title = Edit the presentation
seminar-manage-programme = Programme
series-add-seminar = Add a seminar
consultation-send-links = Send the links by e-mail
consultation-links-sent = { $messages ->
    [0] No e-mail to send
    [one] One e-mail queued
   *[other] { $messages } e-mails queued
} for { $organisations } authorities that have not answered.
consultation-unreachable = { $count } authorities have no contact with an e-mail address: { $names }.
email-consultation-subject = Your themes for “{ $series }”
email-consultation-body =
    Hello { $name },

    { $organisation } is invited to say which themes interest it for “{ $series }”. This personal link needs no account (valid 30 days):

    { $url }

    { $signature }
error-sign-in = Sign in to continue
nav-follow-ups = Follow-ups
org-new-title = New organisation
user-role-secretariat = Secretariat
user-role-president = Group president
user-role-coordinator = Coordinator
user-role-editor = Editor
user-role-observer = Observer

# Invitations to the platform
language-fr = French — Français
language-ko = Korean — 한국어
language-en = English
invite-title = Invite a person
invite-link = Invite a person
invite-editor-link = Invite an editor for this organisation
invite-language = Language of their messages
invite-group = Country group
invite-group-hint = For coordination, presidency and observation.
invite-organisation = Organisation
invite-sent = Invitation sent to { $email }: the link to choose a password is valid for 7 days.
invite-role-added = { $email } already had an account: the new role is added and a message tells them.
email-account-invitation-subject = Your access to the network's platform
email-account-invitation-body = Hello { $name },

    { $inviter } invites you to the network's platform ({ $role }).

    To choose your password, open this link (valid for 7 days, once):
    { $url }

    { $signature }
email-role-added-subject = A new role on the network's platform
email-role-added-body = Hello { $name },

    { $inviter } gave you a new role on the platform: { $role }.

    Sign in here: { $url }

    { $signature }

# A meeting's invitation by e-mail
meeting-send-title = Send the invitation by e-mail
meeting-send-organisation = To the contacts of an organisation of the group
meeting-send-no-organisation = — none —
meeting-send-organisation-hint = Every contact of the organisation who has an address, in their country's language.
meeting-send-participants = To the participants
meeting-send-participants-option = The registered participants who have an address in the directory
meeting-send-addresses = To these addresses
meeting-send-addresses-hint = Separated by commas, or one per line.
meeting-send-done = { $count ->
        [one] One e-mail queued, with the calendar file: { $addresses }
       *[other] { $count } e-mails queued, with the calendar file: { $addresses }
    }
email-meeting-invitation-subject = Invitation: { $title }
email-meeting-invitation-body = Hello,

    You are invited to the meeting "{ $title }" ({ $group }).

    When: { $when }
    Where: { $place }

    The attached file adds it to your calendar. Agenda and details:
    { $url }

    { $signature }

# A registration's own page (the link of the confirmation e-mail)
own-registration-title = Your registration
own-registration-theme = Seminar
own-registration-when = When
own-registration-name = In the name of
own-registration-status = Your place
own-registration-state-registered = Confirmed
own-registration-state-waitlisted = On the waiting list
own-registration-state-cancelled = Cancelled
own-registration-link = Video link
own-registration-cancel = Cancel my registration
own-registration-cancelled = Your registration is cancelled; the place goes to the first person on the waiting list.
on-this-page = On this page

# Editing the roadmap
roadmap-edit-title = Edit the { $year } roadmap
roadmap-edit-link = Edit the roadmap
roadmap-start = Prepare the { $year } roadmap
roadmap-edit-hint = Rows left blank add nothing; a "Remove" box takes the item out; the order numbers sort axes and actions. The replaced version stays in the history.
roadmap-summary = Summary
roadmap-axis-title = Title of the axis
roadmap-action = Action
roadmap-action-title = Title of the action
roadmap-milestone = Milestone
roadmap-milestone-title = Title of the milestone
roadmap-new-axis = New axis
roadmap-new-action = New action
roadmap-new-milestone = New milestone
roadmap-owner = Owner (organisation of the group)
roadmap-period = Period
roadmap-order = Order
roadmap-remove = Remove
roadmap-none = No roadmap yet for this group.
org-other-lang = Other language of the name (code)
org-other-lang-hint = ja, ar, vi, zh, wo…: the partner country's language
org-other-name = Name in that language
org-notes-lang = Language of the notes
org-name-in = Name in { $language }
written-in = (written in { $language })
lang-name-fr = French
lang-name-ko = Korean
lang-name-en = English
lang-name-ja = Japanese
lang-name-zh = Chinese
lang-name-vi = Vietnamese
lang-name-ar = Arabic
lang-name-wo = Wolof
lang-name-de = German
lang-name-es = Spanish
lang-name-pt = Portuguese
lang-name-mg = Malagasy
other-lang = Other language (code)
in-other-lang = In that language
