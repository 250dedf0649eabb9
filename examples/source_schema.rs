//! Prints the JSON Schema of an SOP file, written from the tables the loader
//! reads with. docs/sop.source.schema.json is its output (tests/source_schema.rs
//! holds the file to it):
//!
//!     cargo run --example source_schema > docs/sop.source.schema.json

fn main() {
    print!("{}", lajur::source::schema::sop_source_schema());
}
