use std::time::Instant;
fn main() {
    let opts = lajur::Options {
        root: "/tmp/lat1000".into(),
        drafts: false,
        base_url: Some("/".into()),
    };
    let mut cache = lajur::source::SourceCache::default();
    for i in 0..4 {
        let t = Instant::now();
        let loaded = lajur::source::load_with_cache(&opts, &mut cache);
        let t1 = t.elapsed();
        let h = loaded.handbook.unwrap();
        let t2 = Instant::now();
        let files = lajur::render::render_site(&h, &opts.root).unwrap();
        let t3 = t2.elapsed();
        let t4 = Instant::now();
        let idx = if i == 3 {
            lajur::search::index(&files, &h).unwrap().len()
        } else {
            0
        };
        eprintln!(
            "load {:?} (parsed {}) render {:?} files {} search {:?} {}",
            t1,
            cache.parsed().len(),
            t3,
            files.len(),
            t4.elapsed(),
            idx
        );
    }
}
