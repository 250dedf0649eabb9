//! Which lane a step's wording names, for documents that lost their
//! flowchart (text copied out of a form): "Kasubbag meneruskan ..." names
//! Kepala Sub Bagian. It is only a hint, so every step imported this way
//! carries a `# periksa` note.

/// Short forms of role words as Indonesian offices write them, expanded so
/// "Kasubag Renkeu" and "Kepala Sub Bagian Perencanaan" meet.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("kasubbag", "kepala sub bagian"),
    ("kasubag", "kepala sub bagian"),
    ("kasubid", "kepala sub bidang"),
    ("kabag", "kepala bagian"),
    ("kabid", "kepala bidang"),
    ("kasi", "kepala seksi"),
    ("kasie", "kepala seksi"),
    ("kadis", "kepala dinas"),
    ("kaban", "kepala badan"),
    ("sekda", "sekretaris daerah"),
    ("sekdis", "sekretaris dinas"),
    ("subbag", "sub bagian"),
    ("subbagian", "sub bagian"),
    ("subbid", "sub bidang"),
    ("kakan", "kepala kantor"),
    ("jfu", "pelaksana"),
    ("staf", "staf"),
];

/// Lower-case words of `s`, short forms expanded.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        match SHORT_FORMS.iter().find(|(short, _)| *short == w) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
            None => out.push(w),
        }
    }
    out
}

/// The lane whose name the wording of `kegiatan` names most fully: the
/// longest run of a lane's leading words found in the text. A lane of one
/// word must be named whole; a longer one by at least two words, so
/// "Kepala" alone names no one. Ties name no one.
pub fn named_lane<'a>(kegiatan: &str, lanes: &'a [String]) -> Option<&'a str> {
    let text = words(kegiatan);
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for lane in lanes {
        let name = words(lane);
        let needed = name.len().min(2);
        let matched = (needed..=name.len())
            .rev()
            .find(|&n| contains_run(&text, &name[..n]))
            .unwrap_or(0);
        if matched < needed || matched == 0 {
            continue;
        }
        match best {
            Some((m, _)) if m > matched => {}
            Some((m, _)) if m == matched => tie = true,
            _ => {
                best = Some((matched, lane.as_str()));
                tie = false;
            }
        }
    }
    if tie { None } else { best.map(|(_, l)| l) }
}

fn contains_run(text: &[String], run: &[String]) -> bool {
    !run.is_empty() && text.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_forms_name_the_lane_written_in_full() {
        let l = lanes(&[
            "Sekretaris",
            "Kepala Bidang",
            "Kasubbag Perencanaan dan Keuangan",
            "Staf Penyusun Evaluasi Kinerja",
        ]);
        assert_eq!(
            named_lane("Disposisi kepada kasubag Renkeu", &l),
            Some("Kasubbag Perencanaan dan Keuangan")
        );
        assert_eq!(
            named_lane("Kabid memeriksa draft", &l),
            Some("Kepala Bidang")
        );
        assert_eq!(
            named_lane("Sekretaris menandatangani", &l),
            Some("Sekretaris")
        );
    }

    #[test]
    fn wording_that_names_no_lane_gives_none() {
        let l = lanes(&["Kepala Sub Bagian Perencanaan", "Kepala Bagian Umum"]);
        assert_eq!(
            named_lane("Menghimpun data dari masing-masing bagian", &l),
            None
        );
        // "Kepala" alone would name both.
        assert_eq!(named_lane("Kepala menandatangani", &l), None);
    }
}
