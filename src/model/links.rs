//! Keterkaitan: related SOPs resolved across the handbook.

use crate::diagnostic::Diagnostic;

use super::{Hubungan, Sop};

/// Resolves every keterkaitan entry (by nomor, content path, then normalised
/// nama) and returns a warning with a did-you-mean for each that resolves to nothing.
pub fn resolve(_sops: &mut [Sop]) -> Vec<Diagnostic> {
    todo!("links::resolve")
}

/// For each SOP, the SOPs that point to it and how: `(from, hubungan)`.
pub fn backlinks(_sops: &[Sop]) -> Vec<Vec<(usize, Hubungan)>> {
    todo!("links::backlinks")
}
