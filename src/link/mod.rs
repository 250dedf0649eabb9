//! The link stage: what is computed across the whole handbook once it is
//! loaded, so that every page can point to every other.
//!
//! - [`references`]: keterkaitan resolved to the SOPs they name (with a
//!   diagnostic for one that names nothing), and the backlinks;
//! - [`index`]: the regulations cited, the roles (pelaksana) and the
//!   satuan kerja, each with the SOPs that cite or involve it.
//!
//! [`link`] is the entry the pipeline calls.

pub mod completeness;
pub mod index;
pub mod references;

pub use index::Indexes;

use crate::diagnostic::Diagnostics;
use crate::model::Handbook;

/// The link stage. First resolves every keterkaitan to the SOP it names,
/// adding a warning to `diagnostics` for one that names nothing: this runs
/// on a handbook loaded with errors too, so that `lajur check` reports a
/// bad keterkaitan with the YAML errors of the same run. Then, only when
/// `diagnostics` hold no error (a handbook that can be built), computes
/// the indexes once and gives every lane the slug of its role, so the
/// flowchart, the role page and sop.json name a lane written by its
/// singkatan or in another spelling alike.
pub fn link(handbook: &mut Handbook, diagnostics: &mut Diagnostics) -> Option<Indexes> {
    diagnostics.extend(references::resolve(&mut handbook.sops));
    if diagnostics.has_errors() {
        return None;
    }
    let indexes = Indexes::build(handbook);
    index::assign_role_slugs(handbook, &indexes);
    Some(indexes)
}
