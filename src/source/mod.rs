//! Reading the handbook from disk: handbook.yaml, content/ and the theme's files.

use crate::Options;
use crate::diagnostic::Diagnostics;
use crate::model::Handbook;

/// The result of loading: the handbook when it could be built at all, and every problem met.
#[derive(Debug, Default)]
pub struct Loaded {
    pub handbook: Option<Handbook>,
    pub diagnostics: Diagnostics,
    /// False when handbook.yaml itself is wrong (exit status 2).
    pub settings_ok: bool,
}

pub fn load(_opts: &Options) -> Loaded {
    todo!("source::load")
}
