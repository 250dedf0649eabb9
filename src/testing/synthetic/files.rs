//! A synthetic handbook as files: each SOP as lajur reads it (YAML, or
//! Markdown with front matter), or as a bare Markdown page for Hugo.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use super::*;

/// A YAML scalar: quoted when plain style would be read otherwise.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.ends_with(':');
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The SOP as lajur reads it (the front matter of a .md, or a whole .yaml).
pub fn sop_yaml(sop: &SynthSop) -> String {
    let mut y = String::with_capacity(4096);
    let _ = writeln!(y, "nomor: {}", scalar(&sop.nomor));
    let _ = writeln!(y, "nama: {}", scalar(&sop.nama));
    let _ = writeln!(y, "tanggal_pembuatan: {}", sop.tanggal_pembuatan);
    if let Some(r) = &sop.tanggal_revisi {
        let _ = writeln!(y, "tanggal_revisi: {r}");
    }
    let _ = writeln!(y, "tanggal_efektif: {}", sop.tanggal_pembuatan);
    let _ = writeln!(
        y,
        "disahkan_oleh:\n  jabatan: {}\n  nama: {}\n  nip: \"19650928 199203 1 008\"",
        scalar(&sop.jabatan),
        scalar(&sop.pejabat)
    );
    y.push_str("dasar_hukum:\n");
    for d in &sop.dasar_hukum {
        let _ = writeln!(y, "  - {}", scalar(d));
    }
    y.push_str("kualifikasi_pelaksana:\n");
    for k in &sop.kualifikasi {
        let _ = writeln!(y, "  - {}", scalar(k));
    }
    if !sop.keterkaitan.is_empty() {
        y.push_str("keterkaitan:\n");
        for (r, h) in &sop.keterkaitan {
            let _ = writeln!(y, "  - ref: {}\n    hubungan: {h}", scalar(r));
        }
    }
    let _ = writeln!(y, "peralatan: [{}]", sop.peralatan.join(", "));
    let _ = writeln!(y, "peringatan: {}", scalar(&sop.peringatan));
    let _ = writeln!(y, "pencatatan: {}", scalar(&sop.pencatatan));
    y.push_str("pelaksana:\n");
    for role in &sop.roles {
        match &role.singkatan {
            Some(s) => {
                let _ = writeln!(
                    y,
                    "  - nama: {}\n    singkatan: {}",
                    scalar(&role.nama),
                    scalar(s)
                );
            }
            None => {
                let _ = writeln!(y, "  - {}", scalar(&role.nama));
            }
        }
    }
    y.push_str("langkah:\n");
    for step in &sop.steps {
        let _ = writeln!(y, "  - kegiatan: {}", scalar(&step.kegiatan));
        // The singkatan where there is one, as authors write it.
        let lane_name = |l: usize| {
            let role = &sop.roles[l];
            scalar(role.singkatan.as_deref().unwrap_or(&role.nama))
        };
        match step.lanes.as_slice() {
            [one] => {
                let _ = writeln!(y, "    pelaksana: {}", lane_name(*one));
            }
            many => {
                let names: Vec<String> = many.iter().map(|&l| lane_name(l)).collect();
                let _ = writeln!(y, "    pelaksana: [{}]", names.join(", "));
            }
        }
        if let Some((tidak, ya, no)) = step.decision {
            let _ = writeln!(
                y,
                "    jenis: keputusan\n    tidak: {tidak}\n    label_ya: {}\n    label_tidak: {}",
                scalar(ya),
                scalar(no)
            );
        }
        if let Some(k) = &step.kelengkapan {
            let _ = writeln!(y, "    kelengkapan: {}", scalar(k));
        }
        let _ = writeln!(y, "    waktu: {}", step.waktu);
        let _ = writeln!(y, "    output: {}", scalar(&step.output));
        if let Some(k) = &step.keterangan {
            let _ = writeln!(y, "    keterangan: {}", scalar(k));
        }
    }
    y
}

/// The SOP's file for lajur: `.yaml`, or `.md` with a body.
pub fn sop_file(sop: &SynthSop) -> (String, String) {
    let yaml = sop_yaml(sop);
    match &sop.body {
        Some(body) if sop.markdown => (
            format!("{}.md", sop.path),
            format!("---\n{yaml}---\n{body}"),
        ),
        _ => (format!("{}.yaml", sop.path), yaml),
    }
}

/// The same SOP as a bare Markdown page for Hugo: every field as text, the
/// steps as a table (Hugo has no flowchart; that is the point of lajur).
pub fn sop_markdown(sop: &SynthSop) -> String {
    let mut m = String::with_capacity(4096);
    let _ = writeln!(m, "---\ntitle: {}\n---\n", scalar(&sop.nama));
    let _ = writeln!(m, "| | |\n|---|---|");
    let _ = writeln!(m, "| Nomor SOP | {} |", sop.nomor);
    let _ = writeln!(m, "| Tanggal Pembuatan | {} |", sop.tanggal_pembuatan);
    if let Some(r) = &sop.tanggal_revisi {
        let _ = writeln!(m, "| Tanggal Revisi | {r} |");
    }
    let _ = writeln!(m, "| Disahkan oleh | {}, {} |\n", sop.jabatan, sop.pejabat);
    m.push_str("## Dasar Hukum\n\n");
    for d in &sop.dasar_hukum {
        let _ = writeln!(m, "1. {d}");
    }
    m.push_str("\n## Kualifikasi Pelaksana\n\n");
    for k in &sop.kualifikasi {
        let _ = writeln!(m, "1. {k}");
    }
    if !sop.keterkaitan.is_empty() {
        m.push_str("\n## Keterkaitan\n\n");
        for (r, h) in &sop.keterkaitan {
            let _ = writeln!(m, "- {r} ({h})");
        }
    }
    let _ = writeln!(
        m,
        "\n## Peralatan\n\n{}\n\n## Peringatan\n\n{}\n\n## Pencatatan\n\n{}\n",
        sop.peralatan.join(", "),
        sop.peringatan,
        sop.pencatatan
    );
    m.push_str("## Langkah\n\n| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan |\n|---|---|---|---|---|---|---|\n");
    for (k, step) in sop.steps.iter().enumerate() {
        let who: Vec<&str> = step
            .lanes
            .iter()
            .map(|&l| sop.roles[l].nama.as_str())
            .collect();
        let mut kegiatan = step.kegiatan.clone();
        if let Some((tidak, ya, no)) = step.decision {
            let _ = write!(kegiatan, " ({ya}: lanjut; {no}: ke langkah {tidak})");
        }
        let _ = writeln!(
            m,
            "| {} | {kegiatan} | {} | {} | {} | {} | {} |",
            k + 1,
            who.join(", "),
            step.kelengkapan.as_deref().unwrap_or(""),
            step.waktu,
            step.output,
            step.keterangan.as_deref().unwrap_or("")
        );
    }
    if let Some(body) = &sop.body {
        m.push('\n');
        m.push_str(body);
    }
    m
}

fn write(root: &Path, rel: &str, text: &str) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}

/// Writes a lajur handbook of `n` SOPs into `root` (created if missing).
pub fn write_lajur(root: &Path, n: usize, seed: u64) -> io::Result<()> {
    let hb = generate(n, seed);
    write(
        root,
        "handbook.yaml",
        "title: Buku Pedoman SOP Provinsi Contoh\n\
         organisation: Pemerintah Provinsi Kalimantan Selatan (data sintetis)\n",
    )?;
    write(
        root,
        "content/_index.md",
        "---\nnama: Buku Pedoman SOP\n---\nSOP sintetis untuk uji kinerja.\n",
    )?;
    for unit in &hb.units {
        let mut front = format!("---\nnama: {}\n", scalar(&unit.nama));
        if let Some(s) = &unit.satuan_kerja {
            let _ = writeln!(front, "satuan_kerja: {}", scalar(s));
        }
        front.push_str("---\n");
        write(root, &format!("content/{}/_index.md", unit.path), &front)?;
    }
    for sop in &hb.sops {
        let (rel, text) = sop_file(sop);
        write(root, &format!("content/{rel}"), &text)?;
    }
    Ok(())
}

/// Writes the same `n` SOPs as a bare Hugo site into `root`: a config, two
/// minimal layouts, a section per unit and a Markdown page per SOP.
pub fn write_hugo(root: &Path, n: usize, seed: u64) -> io::Result<()> {
    let hb = generate(n, seed);
    write(
        root,
        "config.toml",
        "baseURL = \"/\"\ntitle = \"Buku Pedoman SOP Provinsi Contoh\"\n\
         languageCode = \"id\"\n",
    )?;
    // Without layouts Hugo writes no page at all; these are as bare as a page can be.
    write(
        root,
        "layouts/_default/single.html",
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\
         <body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
    )?;
    write(
        root,
        "layouts/_default/list.html",
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\
         <body><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
    )?;
    write(
        root,
        "content/_index.md",
        "---\ntitle: Buku Pedoman SOP\n---\nSOP sintetis untuk uji kinerja.\n",
    )?;
    for unit in &hb.units {
        write(
            root,
            &format!("content/{}/_index.md", unit.path),
            &format!("---\ntitle: {}\n---\n", scalar(&unit.nama)),
        )?;
    }
    for sop in &hb.sops {
        write(
            root,
            &format!("content/{}.md", sop.path),
            &sop_markdown(sop),
        )?;
    }
    Ok(())
}
