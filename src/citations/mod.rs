//! Dasar hukum: legal citations as they are really written.
//!
//! A line is read in three steps: the list marker and trailing punctuation
//! go; the line splits at the first "tentang" into a head (kind, issuer or
//! place, number, year) and a title; the head is tokenised and recognised
//! from a table of the ways each kind is written. A title of the form
//! "Perubahan (Kedua...) atas X" is an amendment, and X is read the same way.
//!
//! - [`lexer`]: the line made readable and cut into words;
//! - [`recognise`]: the head recognised as a kind, issuer and place;
//! - [`issuers`]: the ministries and lembaga and how authors name them;
//! - [`id`]: the id scheme (peraturan.go.id slugs), documented there.
//!
//! The result is plain data of the model ([`Citation`]).

mod id;
mod issuers;
mod lexer;
mod recognise;
#[cfg(test)]
mod tests;

use crate::model::Citation;
use lexer::{
    amended_part, clean_title, normalise, split_tentang, strip_list_marker, strip_trailing,
};
use recognise::read_head;

/// Reads one dasar_hukum line. A line that is no citation keeps its text with `id: None`.
pub fn parse(line: &str) -> Citation {
    parse_nested(line, 0)
}

/// How deep "Perubahan atas Perubahan atas ..." is followed: real chains
/// are two or three long; the limit keeps a crafted line from exhausting the stack.
const MAX_AMENDMENT_DEPTH: usize = 8;

fn parse_nested(line: &str, depth: usize) -> Citation {
    let text = line.trim().to_string();
    let body = normalise(strip_list_marker(&text));
    let body = strip_trailing(&body);
    let (head, rest) = split_tentang(body);
    let head_info = read_head(head);

    let mut title = rest.map(clean_title).filter(|t| !t.is_empty());
    if title.is_none() && !head_info.trailing.is_empty() {
        // "UU No 17 Thn 2003 Keuangan Negara": a title without "tentang".
        title = Some(clean_title(&head_info.trailing)).filter(|t| !t.is_empty());
    }
    let amends = title
        .as_deref()
        .and_then(amended_part)
        .filter(|_| depth < MAX_AMENDMENT_DEPTH)
        .map(|amended| parse_nested(amended, depth + 1))
        .filter(|c| c.id.is_some())
        .map(Box::new);

    let Some(mut recognised) = head_info.recognised else {
        return Citation {
            text,
            ..Citation::default()
        };
    };
    recognised.name_pan_for(head_info.year, head);
    let id = recognised.id(head_info.number.as_deref(), head_info.year);
    Citation {
        text,
        kind: recognised.kind,
        number: head_info.number,
        year: head_info.year,
        place: recognised.place,
        title,
        id,
        amends,
    }
}
