//! Reading a built page back: the visible text of its parts, the form's
//! fields, the steps table's rows and the flowchart's symbols.

/// The visible text of an HTML fragment: tags dropped, entities decoded,
/// white space collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The HTML between the first `start` (after `from`) and the next `end`.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)? + start.len();
    let j = html[i..].find(end)? + i;
    Some(&html[i..j])
}

/// The text of the `<dd>` that follows `<dt>LABEL</dt>` in the form's head.
pub fn form_value(html: &str, label: &str) -> Option<String> {
    let head = between(html, "class=\"form-head__meta\"", "</dl>")?;
    let dt = format!("<dt>{label}</dt>");
    between(head, &dt, "</dd>").map(|dd| text(dd.trim_start().trim_start_matches("<dd>")))
}

/// Every table row of the steps: (number cell, kegiatan cell) as text.
pub fn step_rows(html: &str) -> Vec<(String, String)> {
    let table = between(html, "<table class=\"steps\"", "</table>").expect("a steps table");
    let body = between(table, "<tbody>", "</tbody>").expect("a steps body");
    body.split("<tr ")
        .skip(1)
        .map(|row| {
            let no = between(row, "class=\"steps__no\">", "</th>")
                .map(|cell| {
                    // The hidden word "Langkah" before the number is for screen readers.
                    let word = "<span class=\"steps__word\">";
                    match cell.find(word) {
                        Some(i) => {
                            let after = &cell[i + word.len()..];
                            let close = after.find("</span>").map_or(0, |j| j + "</span>".len());
                            text(&format!("{}{}", &cell[..i], &after[close..]))
                        }
                        None => text(cell),
                    }
                })
                .unwrap_or_default();
            let kegiatan = between(row, "class=\"steps__kegiatan\"", "</td>")
                .map(|cell| {
                    let cell = &cell[cell.find('>').map_or(0, |i| i + 1)..];
                    let end = ["<ul", "<p "]
                        .iter()
                        .filter_map(|m| cell.find(m))
                        .min()
                        .unwrap_or(cell.len());
                    text(&cell[..end])
                })
                .unwrap_or_default();
            (no, kegiatan)
        })
        .collect()
}

/// The inline flowchart SVG of a page.
pub fn svg(html: &str) -> &str {
    let start = html.find("<svg").expect("an inline flowchart");
    let end = html[start..].find("</svg>").expect("a closed svg") + start;
    &html[start..end]
}

/// Every step symbol of an SVG: (data-step, data-jenis, data-lane).
pub fn symbols(svg: &str) -> Vec<(String, String, String)> {
    svg.split("<g ")
        .skip(1)
        .filter_map(|g| {
            let tag = format!(" {}", &g[..g.find('>')?]);
            let attr = |name: &str| between(&tag, &format!(" {name}=\""), "\"").map(str::to_string);
            Some((attr("data-step")?, attr("data-jenis")?, attr("data-lane")?))
        })
        .collect()
}

/// A role's slug: lower case, every run of other characters one dash.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// The lines of an item list on the page: each `<li>` (without its badge),
/// else the one paragraph; "—" (nothing on the paper) is none.
pub fn shown_lines(html: &str) -> Vec<String> {
    if html.contains("class=\"empty\"") {
        return Vec::new();
    }
    if html.contains("<li") {
        return html
            .split("<li")
            .skip(1)
            .map(|li| {
                let li = &li[li.find('>').map_or(0, |i| i + 1)..];
                let li = &li[..li.find("</li>").unwrap_or(li.len())];
                text(&li[..li.find("<span class=\"badge").unwrap_or(li.len())])
            })
            .collect();
    }
    let shown = text(html);
    if shown.is_empty() {
        Vec::new()
    } else {
        vec![shown]
    }
}

/// The kop lines of the screen form and of the printed form.
pub fn kop_lines(html: &str) -> (Vec<String>, Vec<String>) {
    let lines = |block: Option<&str>, class: &str| -> Vec<String> {
        block
            .unwrap_or_default()
            .split(&format!("class=\"{class}"))
            .skip(1)
            .map(|p| text(&p[p.find('>').map_or(0, |i| i + 1)..p.find("</p>").unwrap_or(p.len())]))
            .collect()
    };
    (
        lines(
            between(html, "class=\"form-head__lines\"", "</div>"),
            "form-head__line",
        ),
        lines(
            between(html, "class=\"print-ident__kop\"", "</td>"),
            "print-ident__line",
        ),
    )
}
