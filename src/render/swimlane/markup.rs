//! The writing of SVG markup: numbers with one decimal, escaped text, and
//! the small pieces ([`push!`], polygons, lines, paths) the drawing is
//! made of, fast because a chart is mostly short literals and numbers.

use super::layout::Point;

/// One decimal, always: stable snapshots, and 0.1 px is finer than a screen.
pub(super) struct N(pub(super) f64);

impl N {
    /// The text of the number, in `buf`. Integer tenths: much faster than
    /// float formatting, and the layout has already rounded every value to
    /// a tenth.
    fn text(self, buf: &mut [u8; 24]) -> &str {
        let tenths = (self.0 * 10.0).round() as i64;
        // Written backwards, then handed over in one piece.
        let abs = tenths.unsigned_abs();
        let mut at = digits_before(buf, 24, abs % 10);
        at -= 1;
        buf[at] = b'.';
        at = digits_before(buf, at, abs / 10);
        if tenths < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // Only ASCII digits, '.' and '-' were written.
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

/// Writes the decimal digits of `n` into `buf` so that they end at `end`;
/// returns where they start.
fn digits_before(buf: &mut [u8], end: usize, mut n: u64) -> usize {
    let mut at = end;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return at;
        }
    }
}

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(N(self.0).text(&mut [0; 24]))
    }
}

/// A piece of markup [`push!`] appends as it is: text, a number.
pub(super) trait Piece {
    fn push_to(self, out: &mut String);
}

impl Piece for &str {
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for &String {
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for &std::borrow::Cow<'_, str> {
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for N {
    fn push_to(self, out: &mut String) {
        out.push_str(self.text(&mut [0; 24]));
    }
}

impl Piece for usize {
    fn push_to(self, out: &mut String) {
        // Step numbers and counts: a few digits.
        let mut buf = [0u8; 20];
        let at = digits_before(&mut buf, 20, self as u64);
        out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
    }
}

/// Appends each piece to `out` in turn. Drawing a chart is mostly writing
/// short literals and numbers; `write!` went through the formatting
/// machinery for each of them and was most of the time spent here.
macro_rules! push {
    ($out:expr, $($piece:expr),+ $(,)?) => {{
        let out: &mut String = $out;
        $( Piece::push_to($piece, out); )+
    }};
}

pub(super) use push;

/// A step's shape drawn as a polygon through `points`.
pub(super) fn polygon(out: &mut String, points: &[(f64, f64)]) {
    out.push_str(r#"<polygon class="alur-bentuk" points=""#);
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push!(out, N(x), ",", N(y));
    }
    out.push_str("\"/>");
}

/// Escapes text for XML content and attribute values.
pub(super) fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    // Scanned as bytes (all five are ASCII): most text has none of them.
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let Some(first) = s.as_bytes().iter().position(special) else {
        return std::borrow::Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Appends the `d` of an orthogonal polyline: M, then H or V per segment
/// (L only if a segment were ever diagonal, which the layout never makes).
pub(super) fn path_d(d: &mut String, points: &[Point]) {
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            push!(d, "M", N(p.x), " ", N(p.y));
            continue;
        }
        let prev = points[i - 1];
        if p.y == prev.y {
            push!(d, " H", N(p.x));
        } else if p.x == prev.x {
            push!(d, " V", N(p.y));
        } else {
            push!(d, " L", N(p.x), " ", N(p.y));
        }
    }
}

pub(super) fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64) {
    push!(
        out,
        r#"<line x1=""#,
        N(x1),
        r#"" y1=""#,
        N(y1),
        r#"" x2=""#,
        N(x2),
        r#"" y2=""#,
        N(y2),
        "\"/>\n",
    );
}

#[cfg(test)]
mod tests {
    use super::{N, esc};

    #[test]
    fn escapes_the_five_xml_characters() {
        assert!(matches!(
            esc("Kepala Bagian"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            esc("Rapat \"A\" & <B> 'C' — é"),
            "Rapat &quot;A&quot; &amp; &lt;B&gt; &apos;C&apos; — é"
        );
        assert_eq!(esc("é&"), "é&amp;");
    }

    #[test]
    fn numbers_have_one_decimal() {
        for (value, text) in [
            (0.0, "0.0"),
            (-0.04, "0.0"),
            (-0.3, "-0.3"),
            (7.0, "7.0"),
            (12.25, "12.3"),
            (1234.56, "1234.6"),
            (-987.65, "-987.7"),
        ] {
            assert_eq!(N(value).to_string(), text, "{value}");
        }
        // The same text as the plain formatting it replaced.
        for i in -20_000..20_000 {
            let value = f64::from(i) * 0.37;
            let tenths = (value * 10.0).round() as i64;
            let sign = if tenths < 0 { "-" } else { "" };
            let abs = tenths.unsigned_abs();
            assert_eq!(
                N(value).to_string(),
                format!("{sign}{}.{}", abs / 10, abs % 10)
            );
        }
    }
}
