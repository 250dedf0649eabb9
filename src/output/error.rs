//! Why the site could not be written: what failed, and at which path.

use std::io;
use std::path::PathBuf;

/// A failure of an output sink or of the staging folder. Each variant names
/// the path it failed at, so the message says which file or folder to look
/// at ("cannot write `umum/rkt/index.html`: No space left on device").
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The staging folder beside the output could not be made.
    #[error("cannot make the staging folder `{}`: {source}", .path.display())]
    Staging {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A file of the site could not be written (a path under the output folder).
    #[error("cannot write `{path}`: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// A file of the handbook could not be copied into the site.
    #[error("cannot copy `{}` into the site: {source}", .path.display())]
    Copy {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A path that would leave the output folder (`../x`, `/x`).
    #[error("output path `{path}` would leave the output folder")]
    Outside { path: String },
    /// The output folder has no name of its own (`/`, `..`).
    #[error("the output folder `{}` has no name", .path.display())]
    NoName { path: PathBuf },
    /// The output is a file, not a folder.
    #[error("the output `{}` is a file, not a folder", .path.display())]
    NotAFolder { path: PathBuf },
    /// The new site could not be put in place of the old one (which is
    /// left as it was).
    #[error("cannot put the new site in place at `{}`: {source}", .path.display())]
    Swap {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}
