//! The step graph: which steps can be reached and which can reach the end.

use super::Sop;

/// Steps (0-based) that no path from the first step reaches.
pub fn unreachable(_sop: &Sop) -> Vec<usize> {
    todo!("graph::unreachable")
}

/// Steps (0-based) from which no path leads to a selesai step (an endless loop or a dead end).
pub fn dead_ends(_sop: &Sop) -> Vec<usize> {
    todo!("graph::dead_ends")
}
