# 한국어 카탈로그

site-name = Jumelage (자매결연)
skip-to-content = 본문 바로가기
nav-main = 주 메뉴
nav-home = 홈
nav-organisations = 지자체 및 기관
nav-partnerships = 교류 협력 관계
nav-login = 로그인
nav-logout = 로그아웃
nav-api = API
lang-switch-label = 언어
footer-text = Jumelage — 지방정부 간 국제협력 국가별 그룹 플랫폼

network-title = 국가별 그룹

## 국가별 그룹 홈
home-hashtag = 그룹 해시태그:
home-members-heading = 회원 및 파트너
home-members-of-country = { $country } ({ $count })
home-institutional-partners = 참관 기관 및 사무국
home-partnerships-heading = 회원 지자체의 교류 협력 관계
home-other-groups = 다른 국가별 그룹

## 국가

## 지자체 유형

## 기관 성격
kind-local-authority = 지방자치단체
kind-embassy = 대사관
kind-state-body = 중앙정부 기관
kind-association = 협회
kind-network = 네트워크
kind-agency = 공공기관
kind-economic-zone = 경제자유구역
kind-other = 기타 기관

## 교류 협력 관계
partnership-kind-twinning = 자매결연
partnership-kind-friendship = 우호협력
partnership-kind-mou = 업무협약 (MOU)
partnership-kind-letter-of-intent = 의향서
partnership-kind-cooperation-agreement = 협력 협정
partnership-kind-informal = 비공식 교류
partnership-status-planned = 추진 예정
partnership-status-active = 진행 중
partnership-status-dormant = 휴면
partnership-status-ended = 종료
partnership-list-title = 교류 협력 관계
partnership-details = 교류 관계 보기
partnership-count = { $count ->
    [0] 교류 관계 없음
   *[other] 교류 관계 { $count }건
}

## 그룹 내 역할
group-role-member = 회원
group-role-partner = 파트너 지방정부
group-role-observer = 참관 기관
group-role-secretariat = 사무국

## 목록과 필터
org-list-title = 지자체 및 기관
org-count = { $count ->
    [0] 기관 없음
   *[other] 기관 { $count }곳
}
filter-label = 목록 필터
org-filter-name = 이름 (모든 언어)
org-filter-country = 국가
org-filter-level = 유형
org-filter-kind = 기관 성격
filter-any = 전체
filter-apply = 적용
filter-reset = 필터 지우기
none-found = 조건에 맞는 결과가 없습니다.
none-recorded = 아직 등록된 내용이 없습니다.
col-name = 이름
col-country = 국가
col-level = 유형
col-population = 인구
col-partners = 파트너
col-kind = 종류
col-signed = 체결
col-status = 상태
col-themes = 분야
pagination-label = 페이지
pagination-prev = 이전 페이지
pagination-next = 다음 페이지
pagination-page = { $pages }쪽 중 { $page }쪽

## 기관 정보
name-fr = 프랑스어 이름
name-ko = 한국어 이름
name-ko-latn = 로마자 표기
name-en = 영어 이름
org-country = 국가
levels-generic = 기타 국가
org-level = 유형
org-kind = 기관 성격
org-parent = 상위 기관
org-children = 하위 지자체
org-population = 인구
org-population-value = { $population }명 ({ $year }년)
org-seat = 소재지
org-website = 웹사이트
org-notes = 메모
org-groups = 국가별 그룹
org-partnerships = 교류 협력 관계
org-people = 담당자
org-actions = 교류 사업
value-unknown = 알 수 없음
sources-heading = 출처
source-record = 기록
source-extra = 추가 출처
source-seed-report = 한국 국가별 그룹 회의록 (2021년 1월 28일)

## 로그인
login-title = 로그인
login-email = 이메일 주소
login-password = 비밀번호
login-submit = 로그인
invitation-title = 비밀번호 설정
invitation-intro = 다음 주소로 플랫폼에 초대되었습니다:
invitation-password = 새 비밀번호 (10자 이상)
invitation-password-confirm = 비밀번호 확인
invitation-submit = 저장하고 들어가기

## 오류
error-page-title = 오류가 발생했습니다
error-page-not-found-title = 페이지를 찾을 수 없습니다
error-field = 해당 입력란:
error-status = 오류 코드:
error-back-home = 홈으로 돌아가기
error-not-found = 찾으시는 내용이 없거나 삭제되었습니다.
error-forbidden = 이 작업을 할 권한이 없습니다.
error-unauthenticated = 이 작업을 하려면 로그인하십시오.
error-required = 필수 항목입니다.
error-too-long = 내용이 너무 깁니다.
error-invalid-country = 알 수 없는 국가 코드입니다. 두 글자 ISO 코드(FR, KR 등)를 사용하십시오.
error-invalid-language = 알 수 없는 언어 코드입니다. BCP 47 태그(fr, ko, en, ar, ja 등)를 사용하십시오.
error-invalid-hashtag = 해시태그가 올바르지 않습니다. 문자, 숫자, 「_」만 쓸 수 있으며 100자 이하여야 합니다.
error-invalid-level = 알 수 없는 지자체 유형입니다.
error-level-country-mismatch = 이 유형은 해당 국가의 지방행정 체계에 없습니다.
error-invalid-kind = 알 수 없는 종류입니다.
error-invalid-status = 알 수 없는 상태입니다.
error-invalid-number = 숫자가 올바르지 않거나 허용 범위를 벗어났습니다.
error-query-too-short = 검색하려면 두 글자 이상 입력하세요.
error-control-characters = 이 텍스트에 보이지 않는 제어 문자(NUL, ESC, 쓰기 방향 강제 문자 등)가 있습니다. 지워 주세요.
error-wrong-field-count = 이 행에는 열이 { $found }개 있지만 머리글에는 { $expected }개가 있습니다. 빠지거나 남는 칸이 있습니다.
error-method-not-allowed = 이 주소는 이 HTTP 메서드를 받지 않습니다.
error-body-too-large = 요청이 너무 큽니다.
error-unsupported-media-type = 여기에서는 이 콘텐츠 형식을 받지 않습니다.
error-timeout = 요청 시간이 초과되었습니다. 다시 시도하세요.
error-invalid-date = 날짜가 올바르지 않습니다 (형식: YYYY-MM-DD).
error-invalid-coordinates = 좌표가 올바르지 않습니다 (위도 -90~90, 경도 -180~180).
error-invalid-url = 웹 주소가 올바르지 않습니다. http:// 또는 https://로 시작해야 합니다.
error-invalid-email = 이메일 주소가 올바르지 않습니다.
error-self-partnership = 기관은 자기 자신과 교류 관계를 맺을 수 없습니다.
error-unknown-organisation = 알 수 없는 기관입니다.
error-unknown-group = 알 수 없는 국가 그룹입니다. 네트워크 목록에서 그룹을 선택하세요.
error-duplicate-id = 이미 사용 중인 식별자 또는 주소입니다.
error-invalid-id = 식별자가 올바르지 않습니다. 영문 소문자, 숫자, 하이픈만 사용할 수 있습니다.
error-parent-cycle = 기관을 자기 자신의 하위 기관으로 지정할 수 없습니다.
error-version-conflict = 다른 사람이 먼저 이 정보를 수정했습니다. 다시 불러온 뒤 저장하십시오.
error-invalid-credentials = 이메일 주소 또는 비밀번호가 올바르지 않습니다.
error-too-many-attempts = 시도 횟수가 너무 많습니다. 몇 분 후 다시 시도하십시오.
error-csrf-mismatch = 양식이 만료되었습니다. 페이지를 새로 고친 후 다시 시도하십시오.
error-invalid-token = 유효하지 않거나 만료된 링크 또는 토큰입니다.
error-weak-password = 비밀번호는 10자 이상이어야 합니다.
error-password-mismatch = 두 비밀번호가 일치하지 않습니다.
error-bad-request = 요청 형식이 올바르지 않습니다.
error-internal = 내부 오류가 발생했으며 기록되었습니다.

## 날짜
weekday-1 = 월
weekday-2 = 화
weekday-3 = 수
weekday-4 = 목
weekday-5 = 금
weekday-6 = 토
weekday-7 = 일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
date-long = { $year }년 { $month } { $day }일 ({ $weekday })
date-medium = { $year }년 { $month } { $day }일

## 회의
nav-meetings = 회의
nav-roadmap = 로드맵
save = 저장
in-french = 프랑스어
in-korean = 한국어
in-english = 영어
meeting-list-title = 그룹 회의
meeting-new-title = 새 회의
meeting-edit-title = 회의 수정
meeting-back = 회의로 돌아가기
meeting-title = 제목
meeting-when = 일시
meeting-date = 날짜
meeting-start = 시작
meeting-end = 종료
meeting-end-date = 종료 날짜 (다른 날 끝나는 경우)
meeting-time-zone = 기준 시간대
meeting-format = 형식
meeting-format-in-person = 대면
meeting-format-remote = 온라인 (화상회의)
meeting-format-hybrid = 대면·온라인 병행
meeting-place = 장소
meeting-link = 접속 링크
meeting-visibility = 공개 범위
meeting-visibility-group = 그룹 회원 및 파트너
meeting-visibility-public = 공개
meeting-agenda = 안건
meeting-agenda-help = 한 줄에 안건 하나씩; 세 언어의 줄은 순서대로 대응합니다.
meeting-agenda-and-minutes = 안건 및 회의록
meeting-decisions = 결정 사항
meeting-follow-ups = 후속 조치
meeting-carried = 이전 회의에서 이어진 미완료 후속 조치
meeting-participants = 참석자
meeting-presence-count = 참석자 { $count }명 중 { $present }명 출석
meeting-register = 참가 신청
meeting-invite = 초대
meeting-invite-organisation = 기관 식별자 (예: fr-issy)
meeting-attachments = 자료 (발표 자료, 부록)
meeting-attachment-title = 자료 제목
meeting-attachment-file = 파일 (PDF, PPTX, DOCX, XLSX, ODT, ODP, PNG, JPEG, TXT; 최대 20MB)
meeting-attachment-add = 첨부
meeting-calendar-file = 내 일정에 추가 (.ics)
meeting-feed = 그룹 일정 구독
meeting-show-times-in = 시간 표시 기준
meeting-cancel = 회의 취소
meeting-cancelled = 취소됨
meeting-cancelled-notice = 이 회의는 취소되었습니다.
when-with-date = { $date } { $start }–{ $end } ({ $zone })
when-time = { $start }–{ $end } ({ $zone })
zone-europe-paris = 파리
zone-asia-seoul = 서울
zone-utc = UTC
presence-invited = 초대됨
presence-registered = 신청함
presence-present = 출석
presence-excused = 사전 불참 통보
presence-absent = 불참
attendance-sheet = 참석자
attendance-name = 이름
attendance-organisation = 기관
attendance-organisation-id = 기관 식별자
attendance-role = 직위
attendance-presence = 출석 여부
attendance-csv = 출석부 (CSV)
attendance-xlsx = 출석부 (XLSX)

## 회의록
minutes-heading = 회의록
minutes-edit-title = 회의록 작성
minutes-correct = 확정 회의록 정정
minutes-correction-reason = 정정 사유
minutes-help = 마크다운 형식(**굵게**, *기울임*, ‘-’로 목록). 저장할 때마다 새 버전이 만들어지며, 어떤 버전도 사라지지 않습니다.
minutes-whole = 회의록
minutes-status-draft = 초안
minutes-status-in-review = 검토 중
minutes-status-final = 확정
minutes-action-draft = 초안으로 되돌리기
minutes-action-in-review = 검토 요청
minutes-action-final = 확정하기
minutes-kind-edit = 작성
minutes-kind-status = 상태 변경
minutes-kind-correction = 정정
minutes-versions-title = 회의록 버전
minutes-version = 버전
minutes-when = 일시
minutes-author = 작성자
minutes-change = 변경 내용
minutes-diff-title = 변경 사항 비교
minutes-print = 인쇄용

meeting-add-decision = 결정 사항 추가
meeting-add-follow-up = 후속 조치 추가
meeting-agenda-item = 안건 항목
follow-up-owner-text = 담당 (기관 목록에 없는 경우)
follow-up-due-help = 기한 (2021-06, 2021-11..2021-12, 2022-early, 2021-06-15)

## 후속 조치
board-title = 후속 조치 현황
board-open = 진행할 일
board-closed = 완료 또는 중단
follow-up-owner = 담당:
follow-up-due = 기한:
follow-up-from = 결정된 회의:
follow-up-change = 갱신
follow-up-status-open = 미착수
follow-up-status-in-progress = 진행 중
follow-up-status-done = 완료
follow-up-status-dropped = 중단

## 로드맵
roadmap-title = { $year }년 로드맵
roadmap-years = 연도
roadmap-axis = 추진 축
roadmap-carried-by = 실행 회의:
work-status-planned = 예정
work-status-in-progress = 진행 중
work-status-done = 완료
work-status-dropped = 중단
period-month = { $year }년 { $month }
period-months = { $year }년 { $from }–{ $to }
period-early = { $year }년 초
period-mid = { $year }년 중반
period-late = { $year }년 말
period-year = { $year }년

## 오류 (회의)
error-unknown-time-zone = 알 수 없는 시간대입니다 (예: Europe/Paris, Asia/Seoul).
error-invalid-time = 시간이 올바르지 않습니다 (형식: HH:MM).
error-ambiguous-local-time = 이 시각은 그날 두 번 존재합니다(서머타임 종료). 다른 시각을 선택하십시오.
error-nonexistent-local-time = 이 시각은 그날 존재하지 않습니다(서머타임 시작). 다른 시각을 선택하십시오.
error-end-before-start = 종료 시각은 시작 시각보다 늦어야 합니다.
error-invalid-period = 기간이 올바르지 않습니다 (예: 2021-06, 2021-11..2021-12, 2022-early, 2021).
error-minutes-locked = 확정된 회의록은 수정할 수 없으며, 사유를 적어 정정만 할 수 있습니다.
error-invalid-transition = 이 상태 변경은 할 수 없습니다.
error-file-too-large = 파일이 너무 큽니다 (최대 20MB).
error-file-type = 허용되지 않는 파일 형식이거나, 내용이 확장자와 맞지 않습니다.

## 세미나
nav-seminars = 세미나
seminar-list-title = 세미나
seminar-number = 세미나
seminar-facilitators = 진행 지자체:
seminar-duration = 진행 시간
seminar-programme = 프로그램
seminar-register = 참가 신청
seminar-registrations = 신청자
seminar-waitlisted = 대기자:
seminar-status-planned = 예정 (일정 미정)
seminar-status-scheduled = 일정 확정
seminar-status-held = 개최 완료
seminar-status-cancelled = 취소
seminar-format-interactive-remote-workshop = 온라인 참여형 워크숍
registration-confirmed = 신청이 완료되었습니다. 일정 파일이 첨부된 확인 메일이 발송됩니다.
registration-waitlisted = 정원이 찼습니다. 대기자 명단에 등록되었으며, 자리가 나면 알려 드립니다.
registration-already = 이미 이 세미나에 신청하셨습니다.
size-small = 인구 10만 명 미만
size-medium = 인구 10만~99만 9,999명
size-large = 인구 100만 명 이상
size-unknown = 인구 미상

## 의견 수렴
consultation-title = 지자체 의견 수렴
consultation-demo = 시연용: 이 응답들은 기능을 보여 주기 위해 만든 가상의 응답입니다.
consultation-open = 의견 수렴 시작
consultation-opened = 의견 수렴이 시작되었습니다.
consultation-is-open = 진행 중
consultation-is-closed = 종료
consultation-answered = 응답 완료
consultation-answered-on = 응답일
consultation-not-yet = 미응답
consultation-willing = 진행 의향
consultation-ranks = 주제 순위
consultation-link = 개별 링크
consultation-make-links = 개별 링크 만들기
consultation-make-link = 링크 만들기
consultation-links-made = 응답하지 않은 지자체의 개별 링크를 만들었습니다. 한 번만 표시되므로 지금 복사하십시오.
consultation-remind = 이메일로 다시 알리기
consultation-reminded = { $count ->
    [0] 보낼 알림이 없습니다.
   *[other] 알림 { $count }건을 발송 대기열에 넣었습니다.
}
consultation-close = 의견 수렴 종료
consultation-closed = 의견 수렴이 종료되었습니다.
consultation-answer-title = 세미나 주제에 대한 의견
consultation-rank-themes = 관심 있는 주제의 순위를 매겨 주십시오
consultation-rank-help = 1 = 가장 관심 있음; 나머지는 ‘관심 없음’으로 두십시오.
consultation-not-interested = 관심 없음
consultation-willing-question = 귀 지자체는 세미나 공동 진행을 희망하십니까?
willing-yes = 예
willing-maybe = 검토 중
willing-no = 아니요
consultation-availability = 가능한 시기 (월, 기간)
consultation-comments = 의견
consultation-send = 응답 보내기
consultation-thanks = 감사합니다. 응답이 저장되었습니다. 같은 링크로 수정할 수 있습니다.

## 진행 지자체 구성
lineup-title = 진행 지자체
lineup-optimal = 최적 구성 (증명됨)
lineup-score = 점수:
lineup-infeasible = 이 응답으로는 모든 규칙을 지키는 구성이 없습니다.
lineup-lock = 고정
lineup-release = 고정 해제
lineup-remove = 제외
lineup-restore = 복원
lineup-removed = 제외됨:
lineup-locked-badge = 고정됨
lineup-why = 이 구성의 이유
lineup-save = 이 구성 저장
lineup-saved = 구성이 저장되었습니다.
lineup-solved-again = 구성을 다시 계산했습니다.
lineup-chosen = { $name }: { $seminar }은(는) { $rank }순위 선택입니다 (+{ $points }).
lineup-locked = 요청에 따라 { $name }을(를) { $seminar }에 고정했습니다.
lineup-twins = 교류 관계인 { $a }와(과) { $b }이(가) 함께 { $seminar }을(를) 진행합니다 (+{ $points }).
lineup-diverse-levels = { $seminar }: { $country } 지자체의 유형이 서로 다릅니다 (+{ $points }).
lineup-same-level = { $seminar }: { $country } 지자체가 모두 ‘{ $level }’ 유형입니다.
lineup-diverse-sizes = { $seminar }: { $country } 지자체의 규모가 서로 다릅니다 (+{ $points }).
lineup-same-size = { $seminar }: { $country } 지자체가 모두 { $size }입니다.
lineup-too-few = { $seminar }에는 { $country } 지자체 { $needed }곳이 필요하지만 후보는 { $available }곳뿐입니다.
lineup-lock-conflict = { $seminar }은(는) { $country } 지자체 { $allowed }곳까지 가능하지만 다음이 고정되어 있습니다: { $names }.
lineup-shared-shortage = { $seminars }에 { $country } 지자체가 모두 { $needed }곳 필요하지만, 후보는 { $available }곳뿐입니다.

## 일정 찾기
slots-title = 일정 찾기
slots-from = 시작일
slots-to = 종료일
slots-hours = 근무 시간 — { $zone }
slots-holidays-unknown = 플랫폼에 공휴일 정보가 없는 나라 (주말만 제외됩니다):
slots-find = 찾기
slots-found = 개의 시간대 (양국 근무 시간, 주말·공휴일 제외)
slots-no-overlap = 겹치는 시간이 충분하지 않은 근무일:
slots-schedule = 이 시간으로 확정
slots-holidays = 제외된 공휴일

## 이메일
email-date-later = 일정 미정 ({ $period }): 확정되면 이메일로 알려 드립니다.
email-registered-subject = 참가 신청 완료: { $theme }
email-registered-body =
    { $name }님, 안녕하십니까.

    ‘{ $theme }’ 세미나 참가 신청이 완료되었습니다.

    { $when }

    첨부한 일정 파일로 캘린더에 추가할 수 있습니다. 자세한 내용: { $url }

    { $access }

    참가 신청 취소: { $manage }

    { $signature }
email-access-link = 접속 링크: { $link }
email-access-later = 접속 링크는 세미나 페이지에 게시됩니다.
email-waitlisted-subject = 대기자 등록: { $theme }
email-waitlisted-body =
    { $name }님, 안녕하십니까.

    ‘{ $theme }’ 세미나의 정원이 차서 대기자 명단에 등록되었습니다. 자리가 나면 알려 드리겠습니다.

    { $when }

    { $url }

    대기자 명단에서 빠지려면: { $manage }

    { $signature }
email-reminder-subject = 알림: 주제 의견 수렴 — { $series }
email-reminder-body =
    { $name }님, 안녕하십니까.

    귀 지자체는 아직 ‘{ $series }’의 관심 주제를 알려 주지 않았습니다. 응답에는 2분이면 충분합니다:

    { $url }

    { $signature }
error-duplicate-rank = 두 주제의 순위가 같습니다. 주제마다 다른 순위를 주십시오.
error-capacity-reached = 남은 자리가 없습니다.
error-registration-closed = 신청이 마감되었습니다. 세미나가 끝났거나 취소되었습니다.
seminar-invite = 그룹 회원에게 이메일로 초대장 보내기
seminar-invited = { $count ->
    [0] 초대할 사람이 없습니다.
   *[other] 초대장 { $count }건을 발송 대기열에 넣었습니다.
}
email-invitation-subject = 초대: { $theme }
email-invitation-body =
    { $name }님, 안녕하십니까.

    ‘{ $series }’ 시리즈의 세미나 ‘{ $theme }’에 초대합니다.

    { $when }

    첨부한 일정 파일로 캘린더에 추가할 수 있습니다. 참가 신청 및 프로그램: { $url }

    { $signature }
error-solver-time-limit = 최적 구성 계산이 너무 오래 걸립니다. 후보를 일부 제외하거나 고정한 뒤 다시 시도하십시오.
error-unknown-column = 알 수 없는 열입니다. 가져오기 양식에서 필요한 열을 확인하십시오.
error-missing-column = 필요한 열이 없습니다. 가져오기 양식에서 필요한 열을 확인하십시오.
error-file-unreadable = 파일을 읽을 수 없습니다. UTF-8 CSV 또는 XLSX로 저장하십시오.
import-title = 목록 가져오기
import-collection = 파일 내용
import-file = 파일 (UTF-8 CSV, XLSX 또는 JSON)
import-check = 파일 검사
import-failed = 아무것도 가져오지 않았습니다. 다음 행을 고친 뒤 다시 시도하십시오.
import-ready = 파일에 문제가 없습니다. 준비된 행:
import-confirm = 지금 가져오기
import-done = 가져오기 완료. 생성된 항목:
import-row = 행
import-column = 열
import-problem = 문제
import-templates = 파일 양식
import-help = 열은 내보내기와 같습니다. 내보낸 파일은 그대로 다시 가져올 수 있습니다. 협력 관계의 주제는 ‘|’로 구분하며, 각 주제는 주제 목록(‘주제’ 페이지)의 식별자나 명칭으로 적습니다. 가져오기는 전부 또는 전무 방식입니다.
nav-map = 지도
map-title = 교류 협력 지도
map-help = 점은 기관의 소재지, 곡선은 교류 관계입니다. 목록의 필터가 지도에도 적용됩니다.
map-as-list = 목록으로 보기
map-desc = 왼쪽은 프랑스 본토, 오른쪽은 대한민국이며, 곡선은 양국 지자체 간 교류 관계를 나타냅니다.
map-source = 지도 자료: Natural Earth (퍼블릭 도메인).
map-partnerships = 지도에 표시된 교류 관계
map-unplaced = 소재지 정보가 없는 기관
export-label = 내보내기:
name-ko-latn-suggested = 로마자 표기 제안
org-edit-title = 정보 수정
org-names = 이름
org-population-year = 인구 기준 연도
org-lat = 소재지 위도
org-lon = 소재지 경도
record-archived = 보관 처리된 정보입니다. 목록에 표시되지 않습니다.
history-heading = 변경 이력
history-field = 항목
history-old = 이전 값
history-new = 새 값
history-who = 변경자

## Search
search-title = 디렉터리 검색
search-label = 기관, 인물, 협력 관계, 사업 검색
search-submit = 검색
search-count = { $count ->
    [0] “{ $query }”에 대한 결과가 없습니다.
   *[other] “{ $query }”에 대한 결과 { $count }건
}
search-kind-organisation = 기관
search-kind-partnership = 협력 관계
search-kind-person = 인물
search-kind-action = 사업
search-kind-meeting = 회의
search-kind-seminar = 세미나
search-kind-series = 세미나 시리즈
nav-search = 검색

## Register editing: themes, contacts, actions, documents, timeline, list filters
error-unknown-theme = 알 수 없는 주제입니다. 사무국이 관리하는 주제 목록에서 고르십시오 (식별자 또는 명칭).
source-themes-as-given = 출처에 적힌 주제
partnership-edit-title = 협력 관계 수정
partnership-signed-date = 서명일
partnership-signed-year = 서명 연도
partnership-back = 협력 관계로 돌아가기
person-name = 이름
person-name-ko = 한국어 이름
person-email = 이메일 주소
person-title-fr = 직위 (프랑스어)
person-title-ko = 직위 (한국어)
person-title-en = 직위 (영어)
person-edit-title = 담당자 수정
person-new-title = 담당자 추가
action-title-fr = 명칭 (프랑스어)
action-title-ko = 명칭 (한국어)
action-title-en = 명칭 (영어)
action-start-date = 시작일
action-end-date = 종료일
action-date-text = 기간 (문장)
action-date-text-hint = 정확한 날짜가 없을 때: ‘2008년부터’, ‘매년 봄’.
action-status-note = 진행 상황
action-edit-title = 활동 수정
action-new-title = 활동 추가
themes-title = 주제
themes-intro = 주제는 협력 관계를 분류합니다. 사무국이 프랑스어와 한국어로 관리합니다. 숫자를 누르면 해당 주제의 협력 관계가 표시됩니다.
theme-id = 식별자
theme-id-hint = 소문자, 숫자, -, _ 만 사용. 비워 두면 프랑스어 명칭에서 만듭니다.
theme-label-fr = 프랑스어 명칭
theme-label-ko = 한국어 명칭
theme-label-en = 영어 명칭
theme-position = 목록 순서
theme-edit-title = 주제 수정
theme-new-title = 주제 추가
theme-uses = 협력 관계 수
col-actions = 작업
edit = 수정
archive = 보관
restore = 복원
record-archived-short = 보관됨
timeline-heading = 상태 변화
timeline-signed = 협정 서명
timeline-recorded = 등록부에 등록, 상태: { $status }
timeline-status = 상태: { $old } → { $new }
documents-heading = 협정 문서
documents-sign-in = 문서는 로그인한 사용자만 볼 수 있습니다.
document-title = 문서 제목
document-file = 파일
document-hint = PDF, Word, OpenDocument, PowerPoint, Excel, PNG, JPEG 또는 텍스트, 최대 20MB.
document-upload = 문서 첨부
filter-year-from = 서명 연도 (부터)
filter-year-to = 서명 연도 (까지)
filter-sort = 정렬
sort-partnerships-year = 연도, 오래된 순
sort-partnerships-year-desc = 연도, 최신 순
sort-partnerships-updated-desc = 최근 수정 순
sort-organisations-name = 국가, 이름 순
sort-organisations-population-desc = 인구, 많은 순
sort-organisations-population = 인구, 적은 순
sort-organisations-updated-desc = 최근 수정 순
partnerships-on-map = 지도에서 보기

## Audit log
nav-audit = 감사 기록
audit-title = 감사 기록
audit-intro = 로그인, 거부, 보관, 가져오기, 개인정보 내보내기, 계정 변경이 최신순으로 기록됩니다. 이 기록은 수정할 수 없습니다.
audit-event = 이벤트
audit-all-events = 모든 이벤트
audit-empty = 이벤트가 없습니다.
audit-when = 시각
audit-who = 사용자
audit-target = 대상
audit-detail = 세부 내용
audit-client = 주소
audit-older = 이전 이벤트
audit-event-sign-in = 로그인
audit-event-sign-in-failed = 로그인 실패
audit-event-sign-in-throttled = 로그인 제한
audit-event-refused = 접근 거부
audit-event-archived = 보관
audit-event-restored = 복원
audit-event-import = 가져오기
audit-event-export = 개인정보 내보내기
audit-event-token-created = 토큰 생성
audit-event-token-revoked = 토큰 폐기
audit-event-session-revoked = 세션 종료
audit-event-user-created = 계정 생성
audit-event-user-disabled = 계정 비활성화
audit-event-user-enabled = 계정 재활성화
audit-event-password-reset = 비밀번호 재설정

## Accounts
nav-users = 계정 관리
account-title = 내 계정
account-sessions = 열린 세션
account-opened = 시작
account-expires = 만료
account-actions = 작업
account-this-session = 현재 세션
account-close-session = 종료
account-tokens = API 토큰
account-tokens-intro = 토큰으로 스크립트가 사용자 대신 작업할 수 있습니다(Authorization: Bearer 헤더). 쓰지 않는 토큰은 폐기하세요.
account-no-tokens = 토큰이 없습니다.
account-token-name = 토큰 이름
account-last-used = 마지막 사용
account-revoked = 폐기됨:
account-revoke = 폐기
account-create-token = 토큰 만들기
account-token-shown-once = 새 토큰입니다. 지금 복사하세요. 다시 표시되지 않습니다.
users-title = 계정 관리
users-name = 이름
users-roles = 역할
users-state = 상태
users-active = 활성
users-disabled = 비활성화:
users-enable = 다시 활성화
users-disable = 비활성화
reset-title = 비밀번호 찾기
reset-intro = 계정의 이메일 주소를 입력하세요. 새 비밀번호를 정할 수 있는 링크(1시간 유효)를 보내 드립니다.
reset-submit = 링크 보내기
reset-sent = 이 주소를 쓰는 계정이 있으면 방금 링크를 보냈습니다. 링크는 1시간 동안 유효합니다.
login-forgot = 비밀번호를 잊으셨나요?
email-reset-subject = 새 비밀번호 설정
email-reset-body = { $name }님, 안녕하세요.

    새 비밀번호를 정하려면 이 링크를 여세요(1시간 동안 한 번만 유효):
    { $url }

    요청하지 않으셨다면 이 메시지를 무시하세요. 비밀번호는 바뀌지 않습니다.

# Country groups
group-id = 그룹 식별자
group-id-hint = 소문자, 공백 없이(예: 「sn」). 나중에 바꿀 수 없습니다.
group-partner-language = 파트너 국가의 언어
group-partner-language-hint = BCP 47 태그: ar, ja, vi, zh, wo 등
group-partner-name = 해당 언어로 된 이름
group-country = 파트너 국가
group-time-zones = 파트너 국가의 시간대
group-time-zones-hint = IANA 이름을 쉼표로 구분(예: Africa/Dakar 또는 America/New_York, America/Los_Angeles). 파리는 항상 첫 번째입니다.
group-languages = 콘텐츠 언어
group-languages-hint = BCP 47 태그를 쉼표로 구분. 프랑스어는 항상 포함됩니다.
group-hashtags = 해시태그
group-about-fr = 프랑스어 소개
group-about-ko = 한국어 소개
group-about-en = 영어 소개
group-new-title = 새 국가별 그룹
group-edit-title = 그룹 설정
group-members-title = { $group } 회원
group-add-member = 회원 추가
group-find-organisation = 이름으로 지방정부 또는 기관 찾기
group-none-found = 일치하는 기관이 없습니다(또는 이미 회원입니다).
group-organisation = 기관
group-role = 그룹 내 역할
group-remove-member = 제외
group-member-added = 회원을 추가했습니다.
group-member-removed = 회원을 제외했습니다. 그룹 내 기록은 보존됩니다.
group-manage-members = 회원 관리
group-settings = 설정
email-signature = — { $network }, { $group }
lineup-partial = 이 응답으로는 모든 자리를 채우는 구성이 없습니다. 가장 많은 자리를 채우는 구성 중 가장 좋은 것을 보여 드립니다.
lineup-unfilled = { $seminar }: { $country } 자리 { $missing }개가 비어 있습니다 — 이 세미나를 선택한 { $country } 후보 { $ranked }곳, 그룹 내 { $country } 지방정부 { $members }곳.

# Running a series from pages
series-new-title = 새 세미나 시리즈
series-year = 연도
seminar-new-title = 세미나 추가
seminar-edit-title = 세미나 수정
seminar-period = 예정 시기
seminar-start-date = 날짜
seminar-start-time = 시각 (파리)
seminar-start-hint = 날짜가 정해지지 않았으면 비워 두십시오. 날짜와 시각은 파리 기준입니다.
seminar-duration-minutes = 소요 시간(분)
seminar-capacity = 정원 (비우면 제한 없음)
seminar-audience = 대상
seminar-status = 상태
seminar-audience-members = 그룹 회원
seminar-audience-public = 일반 공개
programme-title = 프로그램 — { $seminar }
programme-total = 발표 시간 합계:
programme-empty = 아직 발표가 없습니다.
programme-up = 위로
programme-down = 아래로
programme-remove = 프로그램에서 제외
programme-add = 발표 추가
programme-organisation = 발표 기관
programme-speaker = 발표자
programme-edit-title = 발표 수정
seminar-manage-programme = 프로그램
series-add-seminar = 세미나 추가
consultation-send-links = 링크를 이메일로 보내기
consultation-links-sent = 응답하지 않은 지방정부 { $organisations }곳에 이메일 { $messages }통을 발송 대기열에 넣었습니다.
consultation-unreachable = 이메일 주소가 있는 담당자가 없는 지방정부 { $count }곳: { $names }.
email-consultation-subject = ‘{ $series }’ 관심 주제 조사
email-consultation-body =
    { $name }님, 안녕하십니까.

    { $organisation }의 ‘{ $series }’ 관심 주제를 알려 주십시오. 이 개인 링크는 계정 없이 사용할 수 있습니다(30일간 유효):

    { $url }

    { $signature }
error-sign-in = 로그인하고 계속하기
nav-follow-ups = 후속 조치
org-new-title = 새 기관
user-role-secretariat = 사무국
user-role-president = 그룹 의장
user-role-coordinator = 코디네이터
user-role-editor = 편집자
user-role-observer = 참관인

# Invitations to the platform
language-fr = 프랑스어 — Français
language-ko = 한국어
language-en = 영어 — English
invite-title = 사용자 초대
invite-link = 사용자 초대
invite-editor-link = 이 기관의 편집자 초대
invite-language = 메시지 언어
invite-group = 국가 그룹
invite-group-hint = 코디네이터, 그룹 의장, 옵서버 역할에 필요합니다.
invite-organisation = 기관
invite-sent = { $email }에게 초대장을 보냈습니다. 비밀번호 설정 링크는 7일간 유효합니다.
invite-role-added = { $email }은(는) 이미 계정이 있습니다. 새 역할이 추가되었고 안내 메시지를 보냈습니다.
email-account-invitation-subject = 네트워크 플랫폼 이용 안내
email-account-invitation-body = { $name }님, 안녕하세요.

    { $inviter }님이 네트워크 플랫폼에 초대했습니다 ({ $role }).

    아래 링크에서 비밀번호를 설정하세요 (7일간, 한 번만 유효):
    { $url }

    { $signature }
email-role-added-subject = 네트워크 플랫폼의 새 역할
email-role-added-body = { $name }님, 안녕하세요.

    { $inviter }님이 플랫폼에서 새 역할을 부여했습니다: { $role }.

    로그인: { $url }

    { $signature }

# A meeting's invitation by e-mail
meeting-send-title = 이메일로 초대장 보내기
meeting-send-organisation = 그룹 기관의 연락처에게
meeting-send-no-organisation = — 없음 —
meeting-send-organisation-hint = 주소가 있는 기관의 모든 연락처에게, 그 나라의 언어로 보냅니다.
meeting-send-participants = 참가자에게
meeting-send-participants-option = 주소록에 이메일 주소가 있는 등록 참가자
meeting-send-addresses = 이 주소로
meeting-send-addresses-hint = 쉼표로 구분하거나 한 줄에 하나씩 입력하세요.
meeting-send-done = 이메일 { $count }통을 일정 파일과 함께 발송 대기열에 넣었습니다: { $addresses }
email-meeting-invitation-subject = 초대: { $title }
email-meeting-invitation-body = 안녕하세요.

    「{ $title }」 회의({ $group })에 초대합니다.

    일시: { $when }
    장소: { $place }

    첨부 파일로 일정에 추가할 수 있습니다. 안건 및 세부 사항:
    { $url }

    { $signature }

# A registration's own page (the link of the confirmation e-mail)
own-registration-title = 참가 신청 내역
own-registration-theme = 세미나
own-registration-when = 일시
own-registration-name = 신청자
own-registration-status = 신청 상태
own-registration-state-registered = 확정
own-registration-state-waitlisted = 대기 중
own-registration-state-cancelled = 취소됨
own-registration-link = 접속 링크
own-registration-cancel = 참가 신청 취소
own-registration-cancelled = 참가 신청이 취소되었습니다. 자리는 대기자 명단의 첫 번째 분께 돌아갑니다.
on-this-page = 이 페이지의 내용

# Editing the roadmap
roadmap-edit-title = { $year }년 로드맵 수정
roadmap-edit-link = 로드맵 수정
roadmap-start = { $year }년 로드맵 작성
roadmap-edit-hint = 비워 둔 줄은 추가되지 않습니다. ‘삭제’를 선택하면 항목이 빠집니다. 순서 번호로 축과 활동을 정렬합니다. 바뀌기 전 내용은 이력에 남습니다.
roadmap-summary = 요약
roadmap-axis-title = 축 제목
roadmap-action = 활동
roadmap-action-title = 활동명
roadmap-milestone = 단계
roadmap-milestone-title = 단계명
roadmap-new-axis = 새 축
roadmap-new-action = 새 활동
roadmap-new-milestone = 새 단계
roadmap-owner = 담당 (그룹 기관)
roadmap-period = 기간
roadmap-order = 순서
roadmap-remove = 삭제
roadmap-none = 이 그룹에는 아직 로드맵이 없습니다.
org-other-lang = 이름의 다른 언어 (코드)
org-other-lang-hint = ja, ar, vi, zh, wo… : 파트너 국가의 언어
org-other-name = 그 언어로 된 이름
org-notes-lang = 메모 작성 언어
org-name-in = { $language } 이름
written-in = ({ $language }로 작성됨)
lang-name-fr = 프랑스어
lang-name-ko = 한국어
lang-name-en = 영어
lang-name-ja = 일본어
lang-name-zh = 중국어
lang-name-vi = 베트남어
lang-name-ar = 아랍어
lang-name-wo = 월로프어
lang-name-de = 독일어
lang-name-es = 스페인어
lang-name-pt = 포르투갈어
lang-name-mg = 말라가시어
other-lang = 다른 언어 (코드)
in-other-lang = 그 언어로
