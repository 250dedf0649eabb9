//! The one way a test makes a handbook: written as files ([`folder`]) or
//! built in code ([`model`]), and realistic handbooks of N SOPs for load
//! tests and benchmarks ([`synthetic`]).
//!
//! Compiled for the crate's own unit tests (`cfg(test)`) and, behind the
//! `test-support` feature, for everything else that tests or measures lajur:
//! the integration tests (tests/support re-exports it), the examples and the
//! benchmarks. `cargo test` turns the feature on by itself: Cargo.toml lists
//! lajur as its own dev-dependency with it. Not part of lajur's API for users.

pub mod folder;
pub mod model;
pub mod synthetic;
