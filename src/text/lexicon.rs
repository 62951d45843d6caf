//! Small word lists used by the tokeniser and the sentence splitter (written for this crate).

/// How an abbreviation followed by a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Not an abbreviation: the period is a separate token.
    No,
    /// An abbreviation that may end a sentence (`Inc.`, `etc.`, `Jan.`).
    Plain,
    /// A title or label that never ends a sentence (`Mr.`, `Gen.`, `Lt.`).
    Title,
    /// Only an abbreviation before a number (`No. 5`, `p. 12`).
    BeforeNumber,
}

/// Classifies `word` (without its period); case matters.
pub(crate) fn abbrev(word: &[u8]) -> Abbrev {
    match word {
        // Titles and ranks.
        b"Mr" | b"Mrs" | b"Ms" | b"Messrs" | b"Mme" | b"Mlle" | b"Dr" | b"Prof" | b"Gen"
        | b"Lt" | b"Col" | b"Maj" | b"Capt" | b"Cpt" | b"Sgt" | b"Cpl" | b"Pvt" | b"Adm"
        | b"Cmdr" | b"Cdr" | b"Brig" | b"Gov" | b"Sen" | b"Rep" | b"Reps" | b"Sens" | b"Rev"
        | b"Hon" | b"Pres" | b"Supt" | b"Insp" | b"Det" | b"Fr" | b"Sr" | b"Sra" | b"Srta"
        | b"Mt" | b"Ft" | b"Ste" | b"vs" | b"Vs" | b"v" | b"cf" | b"Cf" | b"viz" | b"Atty"
        | b"Amb" | b"Mssrs" | b"Gens" | b"Drs" | b"Lieut" | b"Cmdt" | b"Comdr" | b"Adj"
        | b"Asst" | b"Assoc" | b"Dist" | b"Gov't" | b"Hosp" | b"Sec'y" | b"Sec" | b"Secy"
        | b"Treas" | b"Rt" | b"Msgr" | b"Rabbi" | b"Sheikh" | b"Ald" => Abbrev::Title,
        // Before a number only.
        b"No" | b"Nos" | b"no" | b"nos" | b"Art" | b"art" | b"p" | b"pp" | b"pg" | b"Fig"
        | b"fig" | b"Figs" | b"Ch" | b"ch" | b"Vol" | b"vol" | b"Vols" | b"Tel" | b"tel"
        | b"Ext" | b"ext" | b"Ph" | b"Para" | b"para" | b"Rs" | b"Nr" | b"nr" | b"Op" | b"op"
        | b"Ref" | b"ref" | b"c" | b"b" | b"d" | b"m" | b"div" | b"Sect" | b"sect" | b"Rte"
        | b"Hwy" | b"Apt" | b"apt" => Abbrev::BeforeNumber,
        // Companies, places, months, days, degrees and common Latin forms.
        b"Inc" | b"Corp" | b"Ltd" | b"Co" | b"Cos" | b"Bros" | b"Plc" | b"Mfg" | b"Intl"
        | b"Assn" | b"Dept" | b"Univ" | b"Jr" | b"Esq" | b"St" | b"Ave" | b"Blvd" | b"Rd"
        | b"Ln" | b"Pl" | b"Sq" | b"Hts" | b"Pt" | b"Jan" | b"Feb" | b"Mar" | b"Apr" | b"Jun"
        | b"Jul" | b"Aug" | b"Sep" | b"Sept" | b"Oct" | b"Nov" | b"Dec" | b"Mon" | b"Tue"
        | b"Tues" | b"Wed" | b"Thu" | b"Thur" | b"Thurs" | b"Fri" | b"Sat" | b"Sun" | b"Ala"
        | b"Ariz" | b"Ark" | b"Calif" | b"Colo" | b"Conn" | b"Del" | b"Fla" | b"Ga" | b"Ill"
        | b"Ind" | b"Kan" | b"Kans" | b"Ky" | b"La" | b"Md" | b"Mass" | b"Mich" | b"Minn"
        | b"Miss" | b"Mo" | b"Mont" | b"Neb" | b"Nebr" | b"Nev" | b"Okla" | b"Ore" | b"Pa"
        | b"Penn" | b"Tenn" | b"Tex" | b"Va" | b"Vt" | b"Wash" | b"Wis" | b"Wisc" | b"Wyo"
        | b"Alta" | b"Ont" | b"Que" | b"Sask" | b"etc" | b"Etc" | b"approx" | b"Approx" | b"ca"
        | b"incl" | b"esp" | b"misc" | b"Misc" | b"dept" | b"est" | b"Est" | b"govt" | b"Govt"
        | b"jr" | b"sr" | b"al" | b"hrs" | b"hr" | b"mins" | b"min" | b"sec" | b"secs" | b"yr"
        | b"yrs" | b"mo" | b"mos" | b"wk" | b"wks" | b"oz" | b"lb" | b"lbs" | b"ft" | b"sq"
        | b"cu" | b"mph" | b"kph" | b"Ph.D" | b"ed" | b"eds" | b"Eds" | b"trans" | b"orig"
        | b"Ibid" | b"ibid" | b"Abbr" | b"abbr" | b"Bldg" | b"bldg" | b"Dep" | b"Gr" | b"Gk"
        | b"Lat" | b"Mex" | b"Ger" => Abbrev::Plain,
        _ => Abbrev::No,
    }
}

/// Hyphenated prefixes that stay attached to the next word in UD English (`non-stop`, `e-mail`).
pub(crate) fn is_joined_prefix(seg: &[u8]) -> bool {
    if seg.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 7];
    for (d, s) in buf.iter_mut().zip(seg) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..seg.len()],
        b"e" | b"non"
            | b"re"
            | b"anti"
            | b"co"
            | b"mid"
            | b"pre"
            | b"pro"
            | b"cross"
            | b"post"
            | b"semi"
            | b"multi"
            | b"ex"
            | b"sub"
            | b"counter"
            | b"mini"
            | b"socio"
            | b"psycho"
            | b"inter"
            | b"intra"
            | b"micro"
            | b"macro"
            | b"super"
            | b"ultra"
            | b"mega"
            | b"bi"
            | b"tri"
            | b"uni"
            | b"pseudo"
            | b"trans"
            | b"extra"
            | b"infra"
            | b"hyper"
            | b"meta"
            | b"arch"
            | b"mis"
            | b"de"
            | b"geo"
            | b"bio"
    )
}

/// Contractions written without an apostrophe, split as UD does: the byte length of the first
/// word (`gonna` → `gon` + `na`).
pub(crate) fn apostropheless_split(word: &[u8]) -> Option<usize> {
    if word.len() < 2 || word.len() > 8 {
        return None;
    }
    let tail = [
        word[word.len() - 2].to_ascii_lowercase(),
        word[word.len() - 1].to_ascii_lowercase(),
    ];
    if !matches!(
        &tail,
        b"na" | b"ta" | b"da" | b"nt" | b"ot" | b"im" | b"ve" | b"re" | b"ll" | b"ts" | b"es"
    ) {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    // Mixed-case words other than Capitalised or ALL CAPS are left alone.
    let first = match &buf[..word.len()] {
        b"gonna" | b"wanna" | b"gotta" | b"outta" | b"cannot" => 3,
        b"kinda" | b"sorta" => 4,
        b"alot" => 1,
        b"dont" | b"cant" | b"wont" | b"isnt" | b"aint" => 2,
        b"didnt" | b"wasnt" | b"arent" | b"hasnt" | b"hadnt" => 3,
        b"doesnt" | b"werent" | b"havent" | b"mustnt" | b"neednt" => 4,
        b"couldnt" | b"wouldnt" => 5,
        b"shouldnt" => 6,
        b"im" | b"ive" => 1,
        b"youre" | b"youll" | b"youve" | b"whats" => 3,
        b"theyre" | b"theyll" | b"theyve" | b"theres" => 4,
        b"itll" | b"weve" => 2,
        _ => return None,
    };
    // `Im` / `im` only; avoid `IM` (instant message).
    if word.len() == 2 && word == b"IM" {
        return None;
    }
    Some(first)
}

/// Capitalised words that usually start a sentence; after an abbreviation such as `U.S.` or
/// `Inc.` they signal a sentence break.
pub(crate) fn is_sentence_starter(word: &[u8]) -> bool {
    matches!(
        word,
        b"The"
            | b"A"
            | b"An"
            | b"He"
            | b"She"
            | b"It"
            | b"They"
            | b"We"
            | b"I"
            | b"You"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"Here"
            | b"But"
            | b"And"
            | b"Or"
            | b"So"
            | b"However"
            | b"In"
            | b"On"
            | b"At"
            | b"For"
            | b"If"
            | b"When"
            | b"While"
            | b"After"
            | b"Before"
            | b"As"
            | b"His"
            | b"Her"
            | b"Their"
            | b"Its"
            | b"Our"
            | b"My"
            | b"Your"
            | b"Some"
            | b"Many"
            | b"Most"
            | b"Then"
            | b"Now"
            | b"What"
            | b"Why"
            | b"How"
            | b"Who"
            | b"Where"
            | b"Meanwhile"
            | b"Also"
            | b"Still"
            | b"Yet"
            | b"Although"
            | b"Since"
            | b"Because"
            | b"Both"
            | b"Each"
            | b"All"
            | b"Other"
            | b"Last"
            | b"Next"
            | b"Please"
            | b"Thanks"
            | b"Thank"
            | b"Yes"
            | b"No"
            | b"Is"
            | b"Are"
            | b"Was"
            | b"Do"
            | b"Does"
            | b"Did"
            | b"Can"
            | b"Will"
            | b"Let"
            | b"Let's"
            | b"Once"
            | b"Even"
            | b"According"
            | b"Under"
            | b"With"
            | b"Without"
            | b"By"
            | b"From"
            | b"To"
            | b"Over"
            | b"During"
            | b"Despite"
            | b"Among"
            | b"Instead"
            | b"Only"
            | b"Just"
            | b"Such"
            | b"Several"
            | b"Another"
            | b"Earlier"
            | b"Later"
            | b"Today"
            | b"Officials"
            | b"Police"
    )
}

/// Letter closings before a comma (`Thanks,` `Best regards,`); `b` is the second word or empty.
pub(crate) fn is_letter_closing(a: &[u8], b: &[u8]) -> bool {
    let a = a.to_ascii_lowercase();
    let b = b.to_ascii_lowercase();
    matches!(
        (a.as_slice(), b.as_slice()),
        (
            b"thanks"
                | b"regards"
                | b"best"
                | b"cheers"
                | b"sincerely"
                | b"cordially"
                | b"love"
                | b"yours"
                | b"respectfully"
                | b"thx"
                | b"rgds"
                | b"ciao",
            b"",
        ) | (b"thank", b"you")
            | (b"many" | b"thanks" | b"with", b"thanks")
            | (
                b"best" | b"kind" | b"warm" | b"warmest" | b"warmly",
                b"regards" | b"wishes"
            )
            | (b"take", b"care")
            | (b"yours", b"truly" | b"sincerely")
    )
}

/// Greeting words before a name (`Hi Jeff,`).
pub(crate) fn is_greeting(w: &[u8]) -> bool {
    matches!(
        w,
        b"Hi" | b"Hello" | b"Dear" | b"Hey" | b"Morning" | b"Greetings"
    )
}

/// Capitalised words that begin a sentence before a comma without being a name
/// (`Yes, I think`), so a comma after them is no greeting.
pub(crate) fn is_discourse_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"Yes"
            | b"No"
            | b"Well"
            | b"Oh"
            | b"Now"
            | b"So"
            | b"OK"
            | b"Ok"
            | b"Okay"
            | b"However"
            | b"Meanwhile"
            | b"Still"
            | b"Also"
            | b"Then"
            | b"Indeed"
            | b"Instead"
            | b"Moreover"
            | b"Furthermore"
            | b"Nevertheless"
            | b"Nonetheless"
            | b"First"
            | b"Second"
            | b"Third"
            | b"Finally"
            | b"Today"
            | b"Yesterday"
            | b"Tomorrow"
            | b"Again"
            | b"Besides"
            | b"Otherwise"
            | b"Thus"
            | b"Hence"
            | b"Therefore"
            | b"Anyway"
            | b"Overall"
            | b"Later"
            | b"Earlier"
            | b"Here"
            | b"There"
            | b"Sure"
            | b"Right"
            | b"Yeah"
            | b"Yep"
            | b"Nope"
            | b"Hey"
            | b"Hi"
            | b"Hello"
            | b"Look"
            | b"Listen"
            | b"Please"
            | b"Sorry"
            | b"Ah"
            | b"Um"
            | b"Uh"
            | b"Alright"
            | b"True"
            | b"Plus"
            | b"Last"
            | b"Next"
            | b"Afterwards"
            | b"Recently"
            | b"Currently"
            | b"But"
            | b"And"
            | b"Or"
            | b"Though"
            | b"Although"
            | b"Unfortunately"
            | b"Fortunately"
            | b"Similarly"
            | b"Additionally"
            | b"Again."
            | b"In"
            | b"On"
            | b"At"
            | b"For"
            | b"By"
            | b"If"
            | b"When"
            | b"As"
            | b"Since"
            | b"Because"
            | b"While"
            | b"After"
            | b"Before"
            | b"Once"
            | b"Like"
            | b"Hmm"
            | b"Wow"
            | b"Sir"
            | b"Madam"
            | b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"God"
            | b"Man"
            | b"Dude"
            | b"Honey"
            | b"Baby"
            | b"Folks"
            | b"Guys"
            | b"Everyone"
            | b"Anyone"
            | b"Somehow"
            | b"Nowadays"
            | b"Similarly."
            | b"Consequently"
            | b"Ultimately"
            | b"Specifically"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations() {
        let cases: &[(&[u8], Abbrev)] = &[
            (b"Mr", Abbrev::Title),
            (b"Lt", Abbrev::Title),
            (b"Inc", Abbrev::Plain),
            (b"No", Abbrev::BeforeNumber),
            (b"dog", Abbrev::No),
            (b"mr", Abbrev::No),
        ];
        for (w, want) in cases {
            assert_eq!(abbrev(w), *want, "{}", String::from_utf8_lossy(w));
        }
    }

    #[test]
    fn apostropheless() {
        let cases: &[(&[u8], Option<usize>)] = &[
            (b"gonna", Some(3)),
            (b"Cannot", Some(3)),
            (b"DONT", Some(2)),
            (b"IM", None),
            (b"Im", Some(1)),
            (b"its", None),
            (b"x", None),
        ];
        for (w, want) in cases {
            assert_eq!(
                apostropheless_split(w),
                *want,
                "{}",
                String::from_utf8_lossy(w)
            );
        }
    }

    #[test]
    fn prefixes() {
        for (w, want) in [
            (&b"non"[..], true),
            (b"E", true),
            (b"long", false),
            (b"counterx", false),
        ] {
            assert_eq!(is_joined_prefix(w), want);
        }
    }
}
