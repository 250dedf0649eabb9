//! Text metrics: how wide a string is in the font of the flowchart, and
//! wrapping by measured width so no word overflows its box.
//!
//! The SVG asks for `Arial, "Liberation Sans", Arimo, Helvetica, sans-serif`.
//! Liberation Sans and Arimo are metric-compatible with Arial (same advance
//! widths) and Helvetica is within a few per cent, so one table of Liberation
//! Sans advance widths (extracted from LiberationSans-Regular.ttf and
//! -Bold.ttf, 1/1000 em) measures the text for every font of the stack.
//! Wrapping leaves [`SAFETY`] of slack for the generic `sans-serif` fallback
//! (Roboto, DejaVu Sans) that a phone without Arial uses.

/// Share of the available width that wrapped text may fill.
pub const SAFETY: f64 = 0.92;

/// Advance widths (1/1000 em) of Liberation Sans Regular for U+0020..U+007E then U+00A0..U+00FF.
const REGULAR: [u16; 191] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400, 549, 333,
    333, 333, 576, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667,
    1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778,
    722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556,
    278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556,
    500,
];
/// The same for Liberation Sans Bold.
const BOLD: [u16; 191] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400, 549, 333,
    333, 333, 576, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722,
    1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778,
    722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556,
    278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611,
    556,
];

#[cfg(test)]
thread_local! {
    /// How many characters were measured on this thread: the tests count
    /// the work of wrapping, which must grow in proportion to the text.
    static MEASURED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Advance width of one character in 1/1000 em.
fn advance(c: char, bold: bool) -> u16 {
    #[cfg(test)]
    MEASURED.with(|m| m.set(m.get() + 1));
    let table = if bold { &BOLD } else { &REGULAR };
    let code = c as u32;
    match code {
        0x20..=0x7e => table[(code - 0x20) as usize],
        0xa0..=0xff => table[(code - 0xa0 + 95) as usize],
        0x2013 | 0x2022 => 556,
        0x2014 | 0x2026 => 1000,
        0x2018 | 0x2019 => {
            if bold {
                278
            } else {
                222
            }
        }
        0x201c | 0x201d => {
            if bold {
                500
            } else {
                333
            }
        }
        // Combining marks take no room of their own.
        0x0300..=0x036f => 0,
        // Wide scripts (CJK, emoji) are about one em.
        0x2e80.. => 1000,
        // Other Latin letters: about an average lower-case letter.
        _ => 600,
    }
}

/// Width in px of `text` set at `size` px.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let units: u64 = text.chars().map(|c| u64::from(advance(c, bold))).sum();
    units as f64 * size / 1000.0
}

/// Breaks `text` into lines no wider than `max` px at `size` px: greedy by
/// words; a word wider than a line on its own ("pertanggungjawaban" in a
/// narrow lane) is cut with a hyphen, after one of its own hyphens when it
/// has them ("masing-masing").
pub fn wrap(text: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let max = (max * SAFETY).max(size);
    let space = text_width(" ", size, bold);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for word in text.split_whitespace() {
        let w = text_width(word, size, bold);
        if !line.is_empty() && line_w + space + w <= max {
            line.push(' ');
            line.push_str(word);
            line_w += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if w <= max {
            line.push_str(word);
            line_w = w;
            continue;
        }
        let mut pieces = split_long(word, max, size, bold);
        let last = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
        line_w = text_width(&last, size, bold);
        line = last;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts a word that does not fit on one line into pieces that do, each but
/// the last ending in a hyphen (its own, where it has one in reach). Each
/// character is measured once, so a word of any length is cut in time in
/// proportion to it.
fn split_long(word: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let hyphen = text_width("-", size, bold);
    let px = |units: u64| units as f64 * size / 1000.0;
    let units = |text: &str| {
        text.chars()
            .map(|c| u64::from(advance(c, bold)))
            .sum::<u64>()
    };
    let mut out = Vec::new();
    let mut rest = word;
    // The width of what is left, in font units: the same sum text_width
    // makes, kept up to date instead of measured again for every line.
    let mut rest_units = units(rest);
    while px(rest_units) > max {
        // The longest prefix that fits together with a hyphen.
        let mut width = hyphen;
        let mut cut = 0;
        let mut cut_units = 0;
        let mut own_hyphen = None;
        for (i, c) in rest.char_indices() {
            let w = text_width(c.encode_utf8(&mut [0; 4]), size, bold);
            if width + w > max {
                break;
            }
            width += w;
            cut = i + c.len_utf8();
            cut_units += u64::from(advance(c, bold));
            if c == '-' && i > 0 {
                own_hyphen = Some((cut, cut_units));
            }
        }
        if cut == 0 {
            // Not even one character fits: give it a line of its own.
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
            cut_units = units(&rest[..cut]);
        }
        let (at, taken) = match own_hyphen {
            Some((at, taken)) => {
                out.push(rest[..at].to_string());
                (at, taken)
            }
            None => {
                out.push(format!("{}-", &rest[..cut]));
                (cut, cut_units)
            }
        };
        rest = &rest[at..];
        rest_units -= taken;
        if rest.is_empty() {
            break;
        }
    }
    out.push(rest.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        // "i" is far narrower than "m" in Arial; a width table that ignored
        // the font would wrap long words too late.
        assert!(text_width("iiii", 12.0, false) < text_width("mm", 12.0, false));
        assert!(text_width("Kegiatan", 12.0, true) > text_width("Kegiatan", 12.0, false));
        assert_eq!(text_width("", 12.0, false), 0.0);
    }

    #[test]
    fn wrapped_lines_fit() {
        let text = "Mengkompilasikan form RKT dari masing-masing bidang untuk pertanggungjawaban";
        for max in [40.0, 60.0, 90.0, 200.0] {
            let lines = wrap(text, max, 12.0, false);
            assert!(lines.len() > 1 || max >= 200.0);
            for line in &lines {
                assert!(
                    text_width(line, 12.0, false) <= max,
                    "{line:?} wider than {max}"
                );
            }
        }
    }

    #[test]
    fn long_word_is_cut_with_hyphens_and_keeps_its_letters() {
        let lines = wrap("pertanggungjawaban", 50.0, 12.0, false);
        assert!(lines.len() >= 2);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with('-')));
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined, "pertanggungjawaban");
    }

    #[test]
    fn one_long_word_is_cut_in_linear_time() {
        // Measuring what was left of the word again for every line made a
        // 1 MB word take 22 s: work grew with the square of its length.
        for letters in [10_000, 100_000] {
            let word = "pertanggungjawaban".repeat(letters / 18);
            MEASURED.with(|m| m.set(0));
            let lines = wrap(&word, 80.0, 12.0, false);
            let measured = MEASURED.with(|m| m.get());
            assert!(
                measured <= 8 * word.len() as u64,
                "{measured} characters measured to wrap {} letters",
                word.len()
            );
            let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
            assert_eq!(joined, word);
            assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 80.0));
        }
    }

    #[test]
    fn own_hyphen_is_preferred() {
        let lines = wrap("masing-masing", 60.0, 12.0, false);
        assert_eq!(lines, vec!["masing-", "masing"]);
    }
}
