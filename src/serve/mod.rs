//! `lajur serve`.
