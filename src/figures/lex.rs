//! A light tokeniser for the figures stage and its word lexicons.
//!
//! The figures finders work on any string slice, independent of the `text` stage: they split it
//! into words, digit runs and punctuation with byte offsets, then match small lexicons with a
//! lower-cased stack copy of each word (no allocation per token).

/// What a light token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum K {
    /// Letters.
    Word,
    /// Digits, possibly with inner `,` or `.` separators.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// A light token: byte span, kind and whether it touches the previous token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub s: usize,
    /// One past the last byte.
    pub e: usize,
    /// Kind.
    pub k: K,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// Lower-cased ASCII form of a word (empty for other tokens and long or non-ASCII words).
    pub low: Lower,
}

/// The light tokens of one passage with its text: the lookups every finder makes.
pub(crate) struct Toks<'a> {
    /// The passage.
    pub text: &'a str,
    /// Its tokens.
    pub t: &'a [Tok],
}

impl Toks<'_> {
    /// Text of token `j` (`""` past the end).
    pub fn s(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| &self.text[t.s..t.e])
    }
    /// Lower-cased form of token `j`.
    pub fn lw(&self, j: usize) -> Lower {
        self.t.get(j).map_or(Lower::EMPTY, |t| t.low)
    }
    /// Whether token `j` is the lower-case word `w`.
    pub fn is(&self, j: usize, w: &[u8]) -> bool {
        self.lw(j).b() == w
    }
    /// Whether token `j` is one of the lower-case words `ws`.
    pub fn is_any(&self, j: usize, ws: &[&[u8]]) -> bool {
        ws.contains(&self.lw(j).b())
    }
    /// Whether token `j` is the punctuation `p`.
    pub fn punct(&self, j: usize, p: &str) -> bool {
        self.t
            .get(j)
            .is_some_and(|t| t.k == K::Punct && &self.text[t.s..t.e] == p)
    }
    /// Whether token `j` touches the previous token.
    pub fn glued(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| t.glued)
    }
    /// Kind of token `j`.
    pub fn kind(&self, j: usize) -> Option<K> {
        self.t.get(j).map(|t| t.k)
    }
    /// Whether token `j` starts with an ASCII capital.
    pub fn capitalized(&self, j: usize) -> bool {
        self.s(j)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }
}

fn is_space_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// Splits `text` into light tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut glued = false;
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        if c.is_ascii_digit()
            || (c == b'.'
                && i + 1 < n
                && b[i + 1].is_ascii_digit()
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        {
            let s = i;
            i += 1;
            while i < n {
                if b[i].is_ascii_digit() {
                    i += 1;
                } else if (b[i] == b',' || b[i] == b'.') && i + 1 < n && b[i + 1].is_ascii_digit() {
                    i += 2;
                } else {
                    break;
                }
            }
            out.push(Tok {
                s,
                e: i,
                k: K::Num,
                glued,
                low: Lower::EMPTY,
            });
            glued = true;
            continue;
        }
        if c.is_ascii_alphabetic() {
            let s = i;
            i += 1;
            while i < n {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                s,
                e: i,
                k: K::Word,
                glued,
                low: low(&text[s..i]),
            });
            glued = true;
            continue;
        }
        if c < 0x80 {
            out.push(Tok {
                s: i,
                e: i + 1,
                k: K::Punct,
                glued,
                low: Lower::EMPTY,
            });
            glued = true;
            i += 1;
            continue;
        }
        // Non-ASCII character.
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let len = ch.len_utf8();
        if is_space_char(ch) {
            glued = false;
            i += len;
            continue;
        }
        if ch.is_alphabetic() {
            let s = i;
            i += len;
            while i < n {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                s,
                e: i,
                k: K::Word,
                glued,
                low: low(&text[s..i]),
            });
        } else {
            out.push(Tok {
                s: i,
                e: i + len,
                k: K::Punct,
                glued,
                low: Lower::EMPTY,
            });
            i += len;
        }
        glued = true;
    }
}

/// A lower-cased ASCII copy of a short word on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lower {
    buf: [u8; 24],
    len: u8,
}

impl Lower {
    /// The empty word.
    pub(crate) const EMPTY: Self = Self {
        buf: [0; 24],
        len: 0,
    };
    /// Lower-cases `w` when it is ASCII and at most 24 bytes; curly apostrophes are not kept.
    pub(crate) fn new(w: &str) -> Option<Self> {
        let b = w.as_bytes();
        if b.len() > 24 || !b.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        #[allow(clippy::cast_possible_truncation)]
        Some(Self {
            buf,
            len: b.len() as u8,
        })
    }
    /// The lower-cased bytes.
    pub(crate) fn b(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }
}

/// Lower-cased bytes of a word (empty for long or non-ASCII words).
pub(crate) fn low(w: &str) -> Lower {
    Lower::new(w).unwrap_or(Lower {
        buf: [0; 24],
        len: 0,
    })
}

/// A cardinal number word: `(value, is_tens)`.
pub(crate) fn unit_word(w: &[u8]) -> Option<(u32, bool)> {
    Some(match w {
        b"zero" | b"nought" | b"naught" | b"nil" => (0, false),
        b"one" => (1, false),
        b"two" => (2, false),
        b"three" => (3, false),
        b"four" => (4, false),
        b"five" => (5, false),
        b"six" => (6, false),
        b"seven" => (7, false),
        b"eight" => (8, false),
        b"nine" => (9, false),
        b"ten" => (10, false),
        b"eleven" => (11, false),
        b"twelve" => (12, false),
        b"thirteen" => (13, false),
        b"fourteen" => (14, false),
        b"fifteen" => (15, false),
        b"sixteen" => (16, false),
        b"seventeen" => (17, false),
        b"eighteen" => (18, false),
        b"nineteen" => (19, false),
        b"twenty" => (20, true),
        b"thirty" => (30, true),
        b"forty" | b"fourty" => (40, true),
        b"fifty" => (50, true),
        b"sixty" => (60, true),
        b"seventy" => (70, true),
        b"eighty" => (80, true),
        b"ninety" => (90, true),
        _ => return None,
    })
}

/// A scale word (`hundred`, `million`, `bn`...), with whether it is an abbreviation.
pub(crate) fn scale_word(w: &[u8]) -> Option<(f64, bool)> {
    Some(match w {
        b"hundred" | b"hundreds" => (1e2, false),
        b"thousand" | b"thousands" => (1e3, false),
        b"lakh" | b"lakhs" | b"lac" => (1e5, false),
        b"million" | b"millions" => (1e6, false),
        b"crore" | b"crores" => (1e7, false),
        b"billion" | b"billions" => (1e9, false),
        b"trillion" | b"trillions" => (1e12, false),
        b"k" | b"thou" => (1e3, true),
        b"mn" | b"mln" | b"mil" | b"mm" => (1e6, true),
        b"bn" | b"bln" | b"b" => (1e9, true),
        b"tn" | b"tln" | b"trn" => (1e12, true),
        _ => return None,
    })
}

/// An ordinal word: value, and whether it is a plural form usable as a fraction denominator.
pub(crate) fn ordinal_word(w: &[u8]) -> Option<(u32, bool)> {
    let (base, plural) = match w.strip_suffix(b"s") {
        Some(b) if b.len() > 3 && b != b"fir" => (b, true),
        _ => (w, false),
    };
    let v = match base {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" | b"nineth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"sixtieth" => 60,
        b"seventieth" => 70,
        b"eightieth" => 80,
        b"ninetieth" => 90,
        b"hundredth" => 100,
        b"thousandth" => 1000,
        b"millionth" => 1_000_000,
        b"billionth" => 1_000_000_000,
        _ => return None,
    };
    Some((v, plural))
}

/// Full month names, lowercase, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Full weekday names, lowercase, Monday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Position of `w` in `names`.
fn name_index(names: &[&str], w: &[u8]) -> Option<u32> {
    names
        .iter()
        .position(|n| n.as_bytes() == w)
        .map(|i| i as u32)
}

/// Month names and abbreviations (1..=12).
pub(crate) fn month_word(w: &[u8]) -> Option<u32> {
    if let Some(i) = name_index(&MONTH_NAMES, w) {
        return Some(i + 1);
    }
    Some(match w {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sept" | b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

/// Weekday names and abbreviations (0 = Monday).
pub(crate) fn weekday_word(w: &[u8]) -> Option<u32> {
    if let Some(i) = name_index(&WEEKDAY_NAMES, w) {
        return Some(i);
    }
    Some(match w {
        b"mon" => 0,
        b"tues" | b"tue" => 1,
        b"wed" => 2,
        b"thu" | b"thurs" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    })
}

/// A calendar unit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl TUnit {
    /// The unit name written in `Figure::unit` for durations.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Week => "week",
            Self::Fortnight => "fortnight",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::Decade => "decade",
            Self::Century => "century",
        }
    }
}

/// Time unit words (singular or plural), with whether the form is plural.
pub(crate) fn time_unit(w: &[u8]) -> Option<(TUnit, bool)> {
    Some(match w {
        b"second" | b"sec" => (TUnit::Second, false),
        b"seconds" | b"secs" => (TUnit::Second, true),
        b"minute" | b"min" => (TUnit::Minute, false),
        b"minutes" | b"mins" => (TUnit::Minute, true),
        b"hour" | b"hr" => (TUnit::Hour, false),
        b"hours" | b"hrs" => (TUnit::Hour, true),
        b"day" => (TUnit::Day, false),
        b"days" => (TUnit::Day, true),
        b"week" | b"wk" => (TUnit::Week, false),
        b"weeks" | b"wks" => (TUnit::Week, true),
        b"fortnight" => (TUnit::Fortnight, false),
        b"fortnights" => (TUnit::Fortnight, true),
        b"month" => (TUnit::Month, false),
        b"months" => (TUnit::Month, true),
        b"quarter" => (TUnit::Quarter, false),
        b"quarters" => (TUnit::Quarter, true),
        b"year" | b"yr" => (TUnit::Year, false),
        b"years" | b"yrs" => (TUnit::Year, true),
        b"decade" => (TUnit::Decade, false),
        b"decades" => (TUnit::Decade, true),
        b"century" => (TUnit::Century, false),
        b"centuries" => (TUnit::Century, true),
        _ => return None,
    })
}

/// A currency named by a word or code after (or before) the number.
pub(crate) fn currency_word(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"dollar" | b"dollars" | b"usd" | b"buck" | b"bucks" => "USD",
        b"euro" | b"euros" | b"eur" => "EUR",
        b"gbp" | b"sterling" | b"quid" => "GBP",
        b"yen" | b"jpy" => "JPY",
        b"yuan" | b"renminbi" | b"rmb" | b"cny" | b"kuai" => "CNY",
        b"ruble" | b"rubles" | b"rouble" | b"roubles" | b"rub" => "RUB",
        b"rupee" | b"rupees" | b"inr" => "INR",
        b"franc" | b"francs" | b"chf" => "CHF",
        b"peso" | b"pesos" | b"mxn" => "MXN",
        b"won" | b"krw" => "KRW",
        b"lira" | b"liras" | b"lire" | b"try" => "TRY",
        b"shekel" | b"shekels" | b"ils" | b"nis" => "ILS",
        b"riyal" | b"riyals" | b"sar" => "SAR",
        b"dirham" | b"dirhams" | b"aed" => "AED",
        b"rand" | b"zar" => "ZAR",
        b"naira" | b"ngn" => "NGN",
        b"hryvnia" | b"hryvnias" | b"hryvnas" | b"uah" => "UAH",
        b"zloty" | b"zlotys" | b"pln" => "PLN",
        b"krona" | b"kronor" | b"sek" => "SEK",
        b"krone" | b"kroner" | b"nok" | b"dkk" => "NOK",
        b"real" | b"reais" | b"brl" => "BRL",
        b"rial" | b"rials" | b"irr" => "IRR",
        b"baht" | b"thb" => "THB",
        b"ringgit" | b"myr" => "MYR",
        b"rupiah" | b"idr" => "IDR",
        b"dong" | b"vnd" => "VND",
        b"shilling" | b"shillings" | b"kes" => "KES",
        b"cedi" | b"cedis" | b"ghs" => "GHS",
        b"cad" => "CAD",
        b"aud" => "AUD",
        b"nzd" => "NZD",
        b"hkd" => "HKD",
        b"sgd" => "SGD",
        b"bitcoin" | b"bitcoins" | b"btc" => "BTC",
        b"cent" | b"cents" => "USD/100",
        b"musd" => "MUSD",
        b"meur" => "MEUR",
        b"mgbp" => "MGBP",
        b"pence" | b"penny" | b"p" => "GBP/100",
        _ => return None,
    })
}

/// A currency symbol or symbol-like prefix (`$`, `€`, `£`...).
pub(crate) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "円" => "JPY",
        "元" => "CNY",
        "₹" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₺" => "TRY",
        "₪" => "ILS",
        "₴" => "UAH",
        "₦" => "NGN",
        "₱" => "PHP",
        "₿" => "BTC",
        "₫" => "VND",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "ரூ" => "LKR",
        _ => return None,
    })
}

/// A letter prefix of `$` naming a dollar (`US$`, `C$`, `A$`, `HK$`...).
pub(crate) fn dollar_prefix(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"us" | b"u.s" | b"usd" => "USD",
        b"c" | b"ca" | b"can" | b"cad" => "CAD",
        b"a" | b"au" | b"aud" => "AUD",
        b"nz" | b"nzd" => "NZD",
        b"hk" | b"hkd" => "HKD",
        b"s" | b"sgd" => "SGD",
        b"mex" | b"mxn" => "MXN",
        b"r" => "BRL",
        _ => return None,
    })
}

/// An ISO-4217-like code written before the number (`USD 200`, `Rs 500`).
pub(crate) fn currency_code_prefix(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"usd" => "USD",
        b"eur" => "EUR",
        b"gbp" => "GBP",
        b"jpy" => "JPY",
        b"cny" | b"rmb" => "CNY",
        b"rub" => "RUB",
        b"inr" | b"rs" => "INR",
        b"chf" => "CHF",
        b"cad" => "CAD",
        b"aud" => "AUD",
        b"hkd" => "HKD",
        b"uah" => "UAH",
        b"krw" => "KRW",
        b"sek" => "SEK",
        b"nok" => "NOK",
        b"try" => "TRY",
        b"ils" | b"nis" => "ILS",
        b"brl" => "BRL",
        b"mxn" => "MXN",
        b"zar" => "ZAR",
        b"sgd" => "SGD",
        b"nzd" => "NZD",
        b"pln" => "PLN",
        b"aed" => "AED",
        b"sar" => "SAR",
        b"btc" => "BTC",
        b"musd" => "MUSD",
        b"meur" => "MEUR",
        b"mgbp" => "MGBP",
        b"maud" => "MAUD",
        _ => return None,
    })
}

/// A measurement unit written after the number: normalised unit name.
pub(crate) fn quantity_unit(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"km" | b"kms" | b"kilometre" | b"kilometres" | b"kilometer" | b"kilometers" => "km",
        b"m" | b"metre" | b"metres" | b"meter" | b"meters" => "m",
        b"cm" | b"centimetre" | b"centimetres" | b"centimeter" | b"centimeters" => "cm",
        b"mm" | b"millimetre" | b"millimetres" | b"millimeter" | b"millimeters" => "mm",
        b"mile" | b"miles" | b"mi" => "mi",
        b"ft" | b"foot" | b"feet" => "ft",
        b"in" | b"inch" | b"inches" => "in",
        b"yard" | b"yards" | b"yd" | b"yds" => "yd",
        b"kg" | b"kgs" | b"kilo" | b"kilos" | b"kilogram" | b"kilograms" | b"kilogramme" => "kg",
        b"g" | b"gram" | b"grams" | b"gramme" | b"grammes" | b"gr" => "g",
        b"mg" | b"milligram" | b"milligrams" => "mg",
        b"lb" | b"lbs" => "lb",
        b"oz" | b"ounce" | b"ounces" => "oz",
        b"t" | b"tonne" | b"tonnes" | b"ton" | b"tons" | b"mt" => "t",
        b"barrel" | b"barrels" | b"bbl" | b"bpd" => "barrel",
        b"l" | b"litre" | b"litres" | b"liter" | b"liters" => "l",
        b"ml" | b"millilitre" | b"millilitres" | b"milliliter" | b"milliliters" => "ml",
        b"gallon" | b"gallons" | b"gal" => "gal",
        b"acre" | b"acres" => "acre",
        b"hectare" | b"hectares" | b"ha" => "ha",
        b"sq" => "sq",
        b"mph" => "mph",
        b"kph" | b"kmh" => "km/h",
        b"knot" | b"knots" => "kn",
        b"mw" | b"megawatt" | b"megawatts" => "MW",
        b"gw" | b"gigawatt" | b"gigawatts" => "GW",
        b"kw" | b"kilowatt" | b"kilowatts" => "kW",
        b"kwh" => "kWh",
        b"mwh" => "MWh",
        b"gwh" => "GWh",
        b"twh" => "TWh",
        b"w" | b"watt" | b"watts" => "W",
        b"v" | b"volt" | b"volts" => "V",
        b"celsius" | b"centigrade" | b"celcius" | b"centigrate" => "°C",
        b"fahrenheit" | b"farenheit" => "°F",
        b"dm" | b"decimetre" | b"decimetres" | b"decimeter" | b"decimeters" => "dm",
        b"microgram" | b"micrograms" | b"microgramme" | b"microgrammes" | b"mcg" => "µg",
        b"tablespoon" | b"tablespoons" | b"tbsp" => "tbsp",
        b"teaspoon" | b"teaspoons" | b"tsp" => "tsp",
        b"cup" | b"cups" => "cup",
        b"degree" | b"degrees" => "°",
        b"kt" | b"kiloton" | b"kilotons" | b"kilotonne" | b"kilotonnes" => "kt",
        b"megaton" | b"megatons" | b"megatonne" | b"megatonnes" => "Mt",
        b"gb" | b"gigabyte" | b"gigabytes" => "GB",
        b"mb" | b"megabyte" | b"megabytes" => "MB",
        b"tb" | b"terabyte" | b"terabytes" => "TB",
        b"kb" | b"kilobyte" | b"kilobytes" => "kB",
        b"ghz" => "GHz",
        b"mhz" => "MHz",
        b"hz" | b"hertz" => "Hz",
        b"cc" => "cc",
        b"bushel" | b"bushels" => "bushel",
        b"calorie" | b"calories" | b"kcal" => "kcal",
        _ => return None,
    })
}

/// Whether the word is a common function word that ends a counted noun phrase.
pub(crate) fn is_stop_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"a"
            | b"an"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"and"
            | b"or"
            | b"but"
            | b"that"
            | b"which"
            | b"who"
            | b"whom"
            | b"whose"
            | b"were"
            | b"was"
            | b"are"
            | b"is"
            | b"be"
            | b"been"
            | b"being"
            | b"have"
            | b"has"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"may"
            | b"might"
            | b"can"
            | b"did"
            | b"do"
            | b"does"
            | b"as"
            | b"than"
            | b"into"
            | b"over"
            | b"under"
            | b"since"
            | b"after"
            | b"before"
            | b"during"
            | b"per"
            | b"each"
            | b"this"
            | b"these"
            | b"those"
            | b"there"
            | b"their"
            | b"its"
            | b"his"
            | b"her"
            | b"our"
            | b"they"
            | b"it"
            | b"he"
            | b"she"
            | b"we"
            | b"you"
            | b"i"
            | b"not"
            | b"while"
            | b"when"
            | b"where"
            | b"if"
            | b"so"
            | b"also"
            | b"still"
            | b"only"
            | b"just"
            | b"near"
            | b"across"
            | b"around"
            | b"about"
            | b"against"
            | b"between"
            | b"among"
            | b"through"
            | b"up"
            | b"out"
            | b"off"
            | b"down"
            | b"last"
            | b"ago"
            | b"earlier"
            | b"later"
            | b"all"
            | b"both"
            | b"more"
            | b"less"
            | b"most"
            | b"some"
            | b"such"
            | b"said"
            | b"says"
            | b"say"
            | b"according"
            | b"including"
            | b"because"
            | b"until"
            | b"like"
            | b"then"
            | b"now"
    )
}
