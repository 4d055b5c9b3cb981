//! Revised Romanization of Korean (문화관광부 고시 2000-8), good enough for the names of local
//! governments and people.
//!
//! Precomposed Hangul syllables (U+AC00..=U+D7A3) are split arithmetically into initial, medial
//! and final jamo. Every other character (spaces, hyphens, Latin letters, digits, punctuation,
//! loose compatibility jamo) is copied unchanged and ends the current word: the sound-change
//! rules only apply between two syllables that touch.
//!
//! Implemented:
//! - the letter tables of the system, with finals neutralised to their pronounced consonant
//!   (ㄱ/ㄲ/ㅋ → k, ㄷ/ㅅ/ㅆ/ㅈ/ㅊ/ㅌ/ㅎ → t, ㅂ/ㅍ → p, …) and double finals written by the
//!   consonant that is pronounced (ㄳ k, ㄵ n, ㄶ n, ㄺ k, ㄻ m, ㄼ l, ㄽ l, ㄾ l, ㄿ p, ㅀ l, ㅄ p);
//! - liaison: a final before a syllable starting with a silent ㅇ moves over (한국어 → hangugeo,
//!   설악 → seorak); ㄹ becomes r; of a double final only the second consonant moves
//!   (ㄳ → k-s, ㄺ → l-g); ㅎ falls silent (좋아 → joa, 많이 → mani, 싫어 → sireo);
//! - nasalisation: k, t, p before ㄴ or ㅁ become ng, n, m (국민 → gungmin, 백마 → baengma);
//! - ㄹ after any final other than ㄴ/ㄹ is read n, which in turn nasalises the final
//!   (종로 → jongno, 독립문 → dongnimmun);
//! - lateralisation: ㄴ+ㄹ, ㄹ+ㄴ and ㄹ+ㄹ are written ll (신라 → silla, 설날 → seollal);
//! - aspiration of a final ㅎ (also in ㄶ, ㅀ) before ㄱ/ㄷ/ㅈ → k/t/ch (좋고 → joko,
//!   놓다 → nota), and ㅎ+ㅅ → ss (좋소 → josso, Standard Pronunciation art. 12).
//!
//! Not implemented:
//! - palatalisation (같이 → gachi, 굳이 → guji): we write gati, gudi;
//! - aspiration of ㄱ/ㄷ/ㅂ/ㅈ followed by an initial ㅎ: kept as written (묵호 → mukho,
//!   집현전 → jiphyeonjeon), which is what the system asks for nouns, hence for names;
//! - tensification, which the system does not write anyway (압구정 → apgujeong);
//! - ㄴ-insertion and the lexical exceptions of ㄹ (서울역 gives seouryeok, not seoullyeok;
//!   대관령 gives daegwanryeong, not daegwallyeong; 의견란 gives uigyeollan, not uigyeonnan);
//! - the optional hyphen for ambiguous syllable splits (중앙 → jungang, not jung-ang), and the
//!   conventions for family names (이 → i, not Lee) and given names (no hyphen, no assimilation
//!   switch-off): the whole string is treated as running text.
//!
//! [`romanize_place`] adds the convention used for administrative units: a hyphen before the
//! administrative suffix, no sound change across it, and a capital first letter.

/// First precomposed Hangul syllable, 가.
const SYLLABLE_FIRST: u32 = 0xAC00;
/// Last precomposed Hangul syllable, 힣.
const SYLLABLE_LAST: u32 = 0xD7A3;
const MEDIAL_COUNT: u32 = 21;
const FINAL_COUNT: u32 = 28;

/// Initials in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];

/// Medials in Unicode order: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
const MEDIALS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];

// Initial indices used by the sound-change rules.
const I_G: usize = 0;
const I_N: usize = 2;
const I_D: usize = 3;
const I_R: usize = 5;
const I_M: usize = 6;
const I_S: usize = 9;
const I_SILENT: usize = 11;
const I_J: usize = 12;

// Final indices used by the sound-change rules (0 is "no final").
const F_NH: usize = 6; // ㄶ
const F_LH: usize = 15; // ㅀ
const F_H: usize = 27; // ㅎ

/// What a final sounds like before a consonant or at the end of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coda {
    K,
    N,
    T,
    L,
    M,
    P,
    Ng,
}

impl Coda {
    /// Finals in Unicode order (index 0, "no final", has no coda).
    const TABLE: [Option<Coda>; 28] = [
        None,           // none
        Some(Coda::K),  // ㄱ
        Some(Coda::K),  // ㄲ
        Some(Coda::K),  // ㄳ
        Some(Coda::N),  // ㄴ
        Some(Coda::N),  // ㄵ
        Some(Coda::N),  // ㄶ
        Some(Coda::T),  // ㄷ
        Some(Coda::L),  // ㄹ
        Some(Coda::K),  // ㄺ
        Some(Coda::M),  // ㄻ
        Some(Coda::L),  // ㄼ
        Some(Coda::L),  // ㄽ
        Some(Coda::L),  // ㄾ
        Some(Coda::P),  // ㄿ
        Some(Coda::L),  // ㅀ
        Some(Coda::M),  // ㅁ
        Some(Coda::P),  // ㅂ
        Some(Coda::P),  // ㅄ
        Some(Coda::T),  // ㅅ
        Some(Coda::T),  // ㅆ
        Some(Coda::Ng), // ㅇ
        Some(Coda::T),  // ㅈ
        Some(Coda::T),  // ㅊ
        Some(Coda::K),  // ㅋ
        Some(Coda::T),  // ㅌ
        Some(Coda::P),  // ㅍ
        Some(Coda::T),  // ㅎ
    ];

    fn of(final_index: usize) -> Option<Coda> {
        Coda::TABLE[final_index]
    }

    fn as_str(self) -> &'static str {
        match self {
            Coda::K => "k",
            Coda::N => "n",
            Coda::T => "t",
            Coda::L => "l",
            Coda::M => "m",
            Coda::P => "p",
            Coda::Ng => "ng",
        }
    }

    /// The coda before a nasal: stops become the nasal of the same place.
    fn nasalised(self) -> Coda {
        match self {
            Coda::K => Coda::Ng,
            Coda::T => Coda::N,
            Coda::P => Coda::M,
            other => other,
        }
    }
}

/// Liaison before a silent ㅇ: (what stays as final, what becomes the next initial), per final.
const LIAISON: [(&str, &str); 28] = [
    ("", ""),   // none
    ("", "g"),  // ㄱ
    ("", "kk"), // ㄲ
    ("k", "s"), // ㄳ
    ("", "n"),  // ㄴ
    ("n", "j"), // ㄵ
    ("", "n"),  // ㄶ (ㅎ falls silent)
    ("", "d"),  // ㄷ
    ("", "r"),  // ㄹ
    ("l", "g"), // ㄺ
    ("l", "m"), // ㄻ
    ("l", "b"), // ㄼ
    ("l", "s"), // ㄽ
    ("l", "t"), // ㄾ
    ("l", "p"), // ㄿ
    ("", "r"),  // ㅀ (ㅎ falls silent)
    ("", "m"),  // ㅁ
    ("", "b"),  // ㅂ
    ("p", "s"), // ㅄ
    ("", "s"),  // ㅅ
    ("", "ss"), // ㅆ
    ("ng", ""), // ㅇ (does not move)
    ("", "j"),  // ㅈ
    ("", "ch"), // ㅊ
    ("", "k"),  // ㅋ
    ("", "t"),  // ㅌ
    ("", "p"),  // ㅍ
    ("", ""),   // ㅎ (falls silent)
];

/// A precomposed Hangul syllable as indices into the jamo tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syllable {
    initial: usize,
    medial: usize,
    /// 0 when the syllable has no final consonant.
    coda: usize,
}

impl Syllable {
    fn decompose(c: char) -> Option<Syllable> {
        let code = u32::from(c);
        if !(SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&code) {
            return None;
        }
        let index = code - SYLLABLE_FIRST;
        Some(Syllable {
            initial: (index / (MEDIAL_COUNT * FINAL_COUNT)) as usize,
            medial: (index % (MEDIAL_COUNT * FINAL_COUNT) / FINAL_COUNT) as usize,
            coda: (index % FINAL_COUNT) as usize,
        })
    }
}

/// How a final and the following initial are written where two syllables meet:
/// (end of the first syllable, start of the second).
fn junction(coda: usize, initial: usize) -> (&'static str, &'static str) {
    if initial == I_SILENT {
        return LIAISON[coda];
    }
    // Final ㅎ (alone or in ㄶ, ㅀ) merges with a following plain consonant.
    if matches!(coda, F_H | F_NH | F_LH) {
        let rest = match coda {
            F_NH => "n",
            F_LH => "l",
            _ => "",
        };
        match initial {
            I_G => return (rest, "k"),
            I_D => return (rest, "t"),
            I_J => return (rest, "ch"),
            I_S => return (rest, "ss"),
            _ => {}
        }
    }
    let Some(class) = Coda::of(coda) else {
        return ("", INITIALS[initial]);
    };
    match (class, initial) {
        // ㄹㄹ, ㄴㄹ, ㄹㄴ → ll.
        (Coda::L | Coda::N, I_R) | (Coda::L, I_N) => ("l", "l"),
        // ㄹ after another final is read n, and the final then assimilates to it.
        (_, I_R) => (class.nasalised().as_str(), "n"),
        (_, I_N | I_M) => (class.nasalised().as_str(), INITIALS[initial]),
        _ => (class.as_str(), INITIALS[initial]),
    }
}

/// How a final is written before a non-Hangul character or at the end of the text.
fn final_alone(coda: usize) -> &'static str {
    Coda::of(coda).map_or("", Coda::as_str)
}

/// Romanises Korean text with the Revised Romanization, in lower case.
///
/// Sound changes apply between adjacent syllables only; anything that is not a precomposed
/// Hangul syllable is copied unchanged and separates words. See the module documentation for
/// the rules that are and are not implemented.
pub fn romanize(hangul: &str) -> String {
    let mut out = String::with_capacity(hangul.len());
    let mut previous: Option<Syllable> = None;
    for c in hangul.chars() {
        let Some(syllable) = Syllable::decompose(c) else {
            if let Some(prev) = previous.take() {
                out.push_str(final_alone(prev.coda));
            }
            out.push(c);
            continue;
        };
        if let Some(prev) = previous {
            let (end, start) = junction(prev.coda, syllable.initial);
            out.push_str(end);
            out.push_str(start);
        } else {
            out.push_str(INITIALS[syllable.initial]);
        }
        out.push_str(MEDIALS[syllable.medial]);
        previous = Some(syllable);
    }
    if let Some(prev) = previous {
        out.push_str(final_alone(prev.coda));
    }
    out
}

/// Administrative suffixes recognised by [`romanize_place`], longest first.
const PLACE_SUFFIXES: [&str; 11] = [
    "특별자치시",
    "특별자치도",
    "특별시",
    "광역시",
    "시",
    "군",
    "구",
    "도",
    "읍",
    "면",
    "동",
];

/// Romanises the name of a Korean local government: `구로구` → `Guro-gu`,
/// `서울특별시` → `Seoul-teukbyeolsi`, `제주특별자치도` → `Jeju-teukbyeoljachido`.
///
/// Each whitespace-separated part is handled on its own: a final administrative suffix
/// (특별자치시, 특별자치도, 특별시, 광역시, 시, 군, 구, 도, 읍, 면, 동; longest match) is
/// romanised apart from the stem, without sound change across the boundary, and joined to it
/// with a hyphen; the first character of the part is capitalised. A part without a suffix, or
/// that is nothing but a suffix, is romanised whole (`신라` → `Silla`, `시` → `Si`).
///
/// A bare name that happens to end in a suffix syllable is split too (`대구` → `Dae-gu`), so
/// pass full official names (`대구광역시`).
pub fn romanize_place(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for piece in name.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        out.push_str(&romanize_place_word(word));
        out.push_str(&piece[word.len()..]);
    }
    out
}

fn romanize_place_word(word: &str) -> String {
    let split = PLACE_SUFFIXES
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix).map(|stem| (stem, *suffix)));
    let romanized = match split {
        Some((stem, suffix)) if !stem.is_empty() => {
            format!("{}-{}", romanize(stem), romanize(suffix))
        }
        _ => romanize(word),
    };
    capitalize_first(&romanized)
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cases: &[(&str, &str)], f: fn(&str) -> String) {
        for (input, expected) in cases {
            assert_eq!(f(input), *expected, "romanising {input}");
        }
    }

    #[test]
    fn decomposition_covers_the_block() {
        assert_eq!(
            Syllable::decompose('가'),
            Some(Syllable {
                initial: 0,
                medial: 0,
                coda: 0
            })
        );
        assert_eq!(
            Syllable::decompose('힣'),
            Some(Syllable {
                initial: 18,
                medial: 20,
                coda: 27
            })
        );
        assert_eq!(Syllable::decompose('ㄱ'), None);
        assert_eq!(Syllable::decompose('a'), None);
        assert_eq!(Syllable::decompose('\u{AC00}'), Syllable::decompose('가'));
        assert_eq!(Syllable::decompose('\u{D7A4}'), None);
    }

    #[test]
    fn vowels() {
        let syllables = "아애야얘어에여예오와왜외요우워웨위유으의이";
        let romanized: Vec<String> = syllables
            .chars()
            .map(|c| romanize(&c.to_string()))
            .collect();
        assert_eq!(romanized, MEDIALS);
    }

    #[test]
    fn initials() {
        let syllables = "가까나다따라마바빠사싸아자짜차카타파하";
        let romanized: Vec<String> = syllables
            .chars()
            .map(|c| romanize(&c.to_string()))
            .collect();
        let expected: Vec<String> = INITIALS.iter().map(|i| format!("{i}a")).collect();
        assert_eq!(romanized, expected);
    }

    #[test]
    fn finals_at_the_end_of_a_word() {
        check(
            &[
                ("각", "gak"),
                ("갂", "gak"),
                ("갘", "gak"),
                ("간", "gan"),
                ("갇", "gat"),
                ("갓", "gat"),
                ("갔", "gat"),
                ("갖", "gat"),
                ("갗", "gat"),
                ("같", "gat"),
                ("갛", "gat"),
                ("갈", "gal"),
                ("감", "gam"),
                ("갑", "gap"),
                ("갚", "gap"),
                ("강", "gang"),
                ("넋", "neok"),
                ("앉", "an"),
                ("않", "an"),
                ("닭", "dak"),
                ("삶", "sam"),
                ("여덟", "yeodeol"),
                ("곬", "gol"),
                ("핥", "hal"),
                ("읊", "eup"),
                ("싫", "sil"),
                ("값", "gap"),
                ("밥", "bap"),
                ("부엌", "bueok"),
                ("벚꽃", "beotkkot"),
            ],
            romanize,
        );
    }

    #[test]
    fn cities_and_provinces() {
        check(
            &[
                ("서울", "seoul"),
                ("부산", "busan"),
                ("인천", "incheon"),
                ("대구", "daegu"),
                ("대전", "daejeon"),
                ("광주", "gwangju"),
                ("울산", "ulsan"),
                ("세종", "sejong"),
                ("강원", "gangwon"),
                ("경기도", "gyeonggido"),
                ("충청북도", "chungcheongbukdo"),
                ("전라남도", "jeollanamdo"),
                ("경상북도", "gyeongsangbukdo"),
                ("구로", "guro"),
                ("수원", "suwon"),
                ("서초", "seocho"),
                ("양평", "yangpyeong"),
                ("압구정", "apgujeong"),
            ],
            romanize,
        );
    }

    #[test]
    fn liaison() {
        check(
            &[
                ("한국어", "hangugeo"),
                ("설악", "seorak"),
                ("좋아", "joa"),
                ("많이", "mani"),
                ("싫어", "sireo"),
                ("닭을", "dalgeul"),
                ("값이", "gapsi"),
                ("강아지", "gangaji"),
            ],
            romanize,
        );
    }

    #[test]
    fn assimilation() {
        check(
            &[
                ("신라", "silla"),
                ("전라", "jeolla"),
                ("설날", "seollal"),
                ("종로", "jongno"),
                ("국민", "gungmin"),
                ("백마", "baengma"),
                ("독립문", "dongnimmun"),
                ("한국", "hanguk"),
                ("왕십리", "wangsimni"),
                ("별래", "byeollae"),
                ("없는", "eomneun"),
                ("놓는", "nonneun"),
                ("뚫는", "ttulleun"),
            ],
            romanize,
        );
    }

    #[test]
    fn aspiration_with_final_h() {
        check(
            &[
                ("좋고", "joko"),
                ("놓다", "nota"),
                ("낳지", "nachi"),
                ("많다", "manta"),
                ("싫다", "silta"),
                ("좋소", "josso"),
                // ㅎ as an initial after ㄱ/ㄷ/ㅂ is kept in nouns.
                ("묵호", "mukho"),
                ("집현전", "jiphyeonjeon"),
            ],
            romanize,
        );
    }

    #[test]
    fn word_boundaries_reset_the_rules() {
        check(
            &[
                ("Issy 이시", "Issy isi"),
                ("신 라", "sin ra"),
                ("국-민", "guk-min"),
                ("한국(Korea)", "hanguk(Korea)"),
                ("제3동", "je3dong"),
                ("ㄱㄴ", "ㄱㄴ"),
                ("", ""),
            ],
            romanize,
        );
    }

    #[test]
    fn known_gaps() {
        // Palatalisation and ㄴ-insertion are not implemented (see the module documentation).
        assert_eq!(romanize("같이"), "gati");
        assert_eq!(romanize("서울역"), "seouryeok");
    }

    #[test]
    fn suffixes_are_longest_first() {
        for pair in PLACE_SUFFIXES.windows(2) {
            assert!(pair[0].chars().count() >= pair[1].chars().count());
        }
    }

    #[test]
    fn places() {
        check(
            &[
                ("구로구", "Guro-gu"),
                ("수원시", "Suwon-si"),
                ("서울특별시", "Seoul-teukbyeolsi"),
                ("대구광역시", "Daegu-gwangyeoksi"),
                ("경기도", "Gyeonggi-do"),
                ("서초구", "Seocho-gu"),
                ("양평군", "Yangpyeong-gun"),
                ("제주특별자치도", "Jeju-teukbyeoljachido"),
                ("세종특별자치시", "Sejong-teukbyeoljachisi"),
                ("대전광역시", "Daejeon-gwangyeoksi"),
                ("종로구", "Jongno-gu"),
                ("충청북도", "Chungcheongbuk-do"),
                ("전라남도", "Jeollanam-do"),
                ("경상북도", "Gyeongsangbuk-do"),
                ("중구", "Jung-gu"),
                ("북구", "Buk-gu"),
                ("신라", "Silla"),
                ("시", "Si"),
                ("광역시", "Gwangyeoksi"),
                ("대구경북경제자유구역", "Daegugyeongbukgyeongjejayuguyeok"),
                ("", ""),
            ],
            romanize_place,
        );
    }

    #[test]
    fn places_with_spaces() {
        check(
            &[
                ("서울특별시 종로구", "Seoul-teukbyeolsi Jongno-gu"),
                (
                    "경기도  양평군 양평읍",
                    "Gyeonggi-do  Yangpyeong-gun Yangpyeong-eup",
                ),
                ("Issy-les-Moulineaux 수원시", "Issy-les-Moulineaux Suwon-si"),
            ],
            romanize_place,
        );
    }
}
