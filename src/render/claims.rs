//! An attachment never replaces a file lajur generates: a page, a flowchart,
//! the stylesheet, the search script or index. Every generated file passes
//! [`Claims::pass`] on its way to the sink; one whose path an attachment of
//! content/ takes (or whose folder an attachment's file stands in for) is
//! an error naming both, found by `check` as by `build` and `serve`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{Asset, Handbook};

use crate::output::{OutputError, OutputFile, Sink};
use crate::routes;

/// The paths the attachments of content/ take (published or withheld).
pub struct Claims<'a> {
    root: &'a Path,
    attachments: HashMap<&'a str, &'a Asset>,
    clashes: Mutex<Vec<Diagnostic>>,
}

impl<'a> Claims<'a> {
    /// The attachments of `handbook`. Those in the search index's folder
    /// clash whatever the index holds (`check` does not build it). Two
    /// attachments never share a path: their folders would be units with
    /// one URL, an error of the handbook already.
    pub fn new(handbook: &'a Handbook, root: &'a Path) -> Self {
        let mut claims = Claims {
            root,
            attachments: HashMap::new(),
            clashes: Mutex::new(Vec::new()),
        };
        let search = routes::SEARCH_INDEX_DIR;
        let mut found = Vec::new();
        for asset in handbook.assets.iter().filter(|a| a.is_from_content()) {
            if asset
                .dest
                .strip_prefix(search)
                .is_some_and(|rest| rest.starts_with('/'))
            {
                found.push(claims.clash(asset, &asset.dest, "the search index"));
            }
            claims.attachments.insert(&asset.dest, asset);
        }
        claims.clashes = Mutex::new(found);
        claims
    }

    /// Hands `file` to `sink`, unless an attachment takes its path: then the
    /// clash is kept for [`Claims::into_errors`] and the file goes nowhere.
    pub fn pass(&self, file: OutputFile, sink: Sink<'_>) -> Result<(), OutputError> {
        if self.attachments.is_empty() {
            return sink(file);
        }
        let taken = match self.attachments.get(file.path.as_str()) {
            Some(asset) => Some((*asset, file.path.clone(), describe(&file.path))),
            // An attachment's file where the site needs a folder.
            None => folders_of(&file.path).find_map(|folder| {
                let asset = self.attachments.get(folder)?;
                Some((*asset, format!("{folder}/"), "a folder of the site"))
            }),
        };
        match taken {
            Some((asset, generated, what)) => {
                let d = self.clash(asset, &generated, what);
                self.clashes
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(d);
                Ok(())
            }
            None => sink(file),
        }
    }

    /// Every clash met, one per attachment.
    pub fn into_errors(self) -> Vec<Diagnostic> {
        let mut clashes = self
            .clashes
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        clashes.sort_by(|a, b| a.file.cmp(&b.file).then(a.message.cmp(&b.message)));
        clashes.dedup_by(|a, b| a.file == b.file);
        clashes
    }

    fn clash(&self, asset: &Asset, generated: &str, what: &str) -> Diagnostic {
        let shown = self.shown(asset);
        let message = if generated == asset.dest {
            format!(
                "`{}` would replace `{generated}`, {what} that lajur generates",
                shown.display()
            )
        } else {
            format!(
                "`{}` would stand where lajur generates `{generated}`, {what}",
                shown.display()
            )
        };
        Diagnostic::error(&shown, Pos::default(), message).with_hint(
            "rename or move the attachment: a file of content/ never replaces one of the site's own",
        )
    }

    /// The attachment's file as the author knows it: `content/umum/x.pdf`.
    fn shown(&self, asset: &Asset) -> std::path::PathBuf {
        super::super::source::display_path(self.root, &asset.source)
    }
}

/// The folders above a '/'-separated path, nearest first: "a/b/c" → "a/b", "a".
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.char_indices()
        .rev()
        .filter(|&(_, c)| c == '/')
        .map(|(i, _)| &path[..i])
}

/// What a generated file is, for the message.
fn describe(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path == routes::STYLESHEET_FILE {
        "the site's stylesheet"
    } else if path == routes::SEARCH_SCRIPT_FILE {
        "the search script"
    } else if name == routes::PAGE_FILE || name == routes::NOT_FOUND_FILE {
        "a page of the site"
    } else if name == routes::FLOWCHART_FILE {
        "an SOP's flowchart"
    } else if name == routes::SOP_JSON_FILE {
        "an SOP's data"
    } else {
        "a file of the site"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_above_a_path() {
        let got: Vec<&str> = folders_of("a/b/index.html").collect();
        assert_eq!(got, ["a/b", "a"]);
        assert_eq!(folders_of("index.html").count(), 0);
    }
}
