//! What the unit tests share: handbooks written as files ([`folder`], which
//! tests/support takes too, through `#[path]`) and handbooks built in code
//! ([`model`]).

pub mod folder;
pub mod model;
