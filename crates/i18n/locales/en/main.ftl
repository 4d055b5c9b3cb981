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
country-fr = France
country-kr = Korea

## Levels of local government
level-commune = Municipality (commune)
level-intercommunality = Inter-municipal body
level-department = Department
level-region = Region
level-special-city = Special city (특별시)
level-metropolitan-city = Metropolitan city (광역시)
level-special-self-governing-city = Special self-governing city (특별자치시)
level-province = Province (도)
level-special-self-governing-province = Special self-governing province (특별자치도)
level-city = City (시)
level-county = County (군)
level-autonomous-district = Autonomous district (자치구)

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
group-role-partner = Korean partner
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
error-status = Error code:
error-back-home = Back to the home page
error-not-found = What you are looking for does not exist or no longer exists.
error-forbidden = You are not allowed to do this.
error-unauthenticated = Sign in to do this.
error-required = This field is required.
error-too-long = This text is too long.
error-invalid-country = Unknown country code: use a two-letter ISO code (FR, KR…).
error-invalid-level = Unknown level of local government.
error-level-country-mismatch = This level does not exist in that country's system.
error-invalid-kind = Unknown kind.
error-invalid-status = Unknown status.
error-invalid-number = Invalid or out-of-range number.
error-invalid-date = Invalid date (expected format: YYYY-MM-DD).
error-invalid-coordinates = Invalid coordinates (latitude between -90 and 90, longitude between -180 and 180).
error-invalid-url = Invalid web address: it must start with http:// or https://.
error-invalid-email = Invalid e-mail address.
error-self-partnership = An organisation cannot be its own partner.
error-unknown-organisation = Unknown organisation.
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
