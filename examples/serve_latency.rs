//! How long after saving an SOP `lajur serve` serves the new page.
//!
//! Generates a handbook of 1,000 SOPs (20 units of 50) in a temp folder,
//! starts `lajur serve` on it, then edits one SOP's nama again and again and
//! polls its page until the new nama is served. Prints the median.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example serve_latency -- [target/release/lajur] [--sops N] [--edits N]
//! cargo run --release --example serve_latency -- --generate DIR   (only write the handbook)
//! ```
//! (scripts/serve-latency.sh does both.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const UNITS: usize = 20;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut binary = PathBuf::from("target/release/lajur");
    let mut sops = 1000;
    let mut edits = 25;
    let mut generate_only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sops" => sops = args.next().and_then(|n| n.parse().ok()).unwrap_or(sops),
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).unwrap_or(edits),
            // Only write the handbook, to try `lajur serve` on it by hand.
            "--generate" => generate_only = args.next().map(PathBuf::from),
            other => binary = PathBuf::from(other),
        }
    }
    if let Some(dir) = generate_only {
        return Ok(generate(&dir, sops)?);
    }
    let dir = tempfile::tempdir()?;
    generate(dir.path(), sops)?;
    eprintln!("generated {sops} SOPs in {}", dir.path().display());

    let mut server = Server::start(&binary, dir.path())?;
    let target = (sops / 2).min(sops.saturating_sub(1));
    let file = sop_file(dir.path(), target);
    let page = format!("/{}/index.html", sop_page(target));
    let first = get(server.addr.as_str(), &page)?;
    if !first.contains(&sop_nama(target, 0)) {
        return Err(format!("{page} is not the SOP page").into());
    }

    let mut times = Vec::new();
    for edit in 1..=edits {
        // An author saves every few seconds; give the background search
        // index of the last save time to finish, as it would.
        std::thread::sleep(Duration::from_millis(1500));
        let marker = sop_nama(target, edit);
        let text = sop_text(target, &marker);
        let start = Instant::now();
        std::fs::write(&file, text)?;
        loop {
            if get(server.addr.as_str(), &page)?.contains(&marker) {
                break;
            }
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!("edit {edit} not served after 10 s").into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        eprintln!("edit {edit}: {ms:.1} ms");
        times.push(ms);
    }
    server.stop();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let p90 = times[(times.len() * 9 / 10).min(times.len() - 1)];
    println!(
        "{sops} SOPs, {} edits: median {median:.0} ms, p90 {p90:.0} ms, min {:.0} ms, max {:.0} ms",
        times.len(),
        times[0],
        times[times.len() - 1]
    );
    Ok(())
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(binary: &Path, root: &Path) -> Result<Server, Box<dyn std::error::Error>> {
        // Started as an author does: in the handbook folder, no --root.
        let binary = binary.canonicalize()?;
        let mut child = Command::new(&binary)
            .args(["serve", "--port", "0"])
            .current_dir(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            let line = lines.next().ok_or("lajur serve exited")??;
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.split('/').next().unwrap_or(rest).to_string();
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe;
        // its rebuild times go beside the measured ones.
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                eprintln!("  lajur: {line}");
            }
        });
        Ok(Server { child, addr })
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn get(addr: &str, path: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut body = String::new();
    stream.read_to_string(&mut body)?;
    Ok(body)
}

fn unit_folder(unit: usize) -> String {
    format!("bagian-{unit:02}")
}

fn sop_page(i: usize) -> String {
    format!("{}/sop-{i:04}", unit_folder(i % UNITS))
}

fn sop_file(root: &Path, i: usize) -> PathBuf {
    root.join("content").join(format!("{}.yaml", sop_page(i)))
}

fn sop_nama(i: usize, edit: usize) -> String {
    format!("Prosedur Pelayanan Nomor {i} Revisi {edit}")
}

fn generate(root: &Path, sops: usize) -> std::io::Result<()> {
    std::fs::write(
        root.join("handbook.yaml"),
        "title: Buku Pedoman SOP Uji Beban\norganisation: Pemerintah Kabupaten Contoh\n",
    )?;
    for unit in 0..UNITS {
        let dir = root.join("content").join(unit_folder(unit));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("_index.md"),
            format!("---\nnama: Bagian {unit}\nsatuan_kerja: Sekretariat Daerah\n---\n"),
        )?;
    }
    for i in 0..sops {
        std::fs::write(sop_file(root, i), sop_text(i, &sop_nama(i, 0)))?;
    }
    Ok(())
}

/// An SOP the size of a real one: six steps over three roles, a decision.
fn sop_text(i: usize, nama: &str) -> String {
    format!(
        "\
nomor: SOP-{i:04}/Uji
nama: {nama}
tanggal_pembuatan: 7-Nov-2018
tanggal_efektif: 31 Desember 2018
disahkan_oleh:
  jabatan: Sekretaris Daerah
  nama: Drs. H. Contoh, M.Si
  nip: 19650928 199203 1 008
dasar_hukum:
  - Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara
  - Peraturan Menteri PAN-RB No. 35 Tahun 2012
kualifikasi_pelaksana:
  - Memiliki kemampuan pengolahan data sederhana
peralatan: [Komputer, Printer]
peringatan: Jika tidak dilaksanakan sesuai SOP, pelayanan terhambat
pencatatan: Disimpan sebagai data elektronik
pelaksana:
  - {{nama: Kepala Sub Bagian Perencanaan, singkatan: Kasubbag}}
  - Pelaksana
  - Kepala Bagian Umum
langkah:
  - kegiatan: Menerima permohonan dan memeriksa kelengkapan berkas
    pelaksana: Pelaksana
    kelengkapan: Formulir permohonan
    waktu: 15 menit
    output: Berkas permohonan
  - kegiatan: Melaksanakan koordinasi dan meminta data pendukung
    pelaksana: Kasubbag
    kelengkapan: Nota dinas
    waktu: 1 jam
    output: Data pendukung
  - kegiatan: Membuat konsep dokumen
    pelaksana: Pelaksana
    waktu: 1 hari
    output: Draft dokumen
  - kegiatan: Mengoreksi draft dokumen
    pelaksana: Kepala Bagian Umum
    jenis: keputusan
    tidak: 3
    label_tidak: Perlu perbaikan
    waktu: 30 menit
    output: Draft terkoreksi
  - kegiatan: Menandatangani dokumen
    pelaksana: Kepala Bagian Umum
    waktu: 10 menit
    output: Dokumen sah
  - kegiatan: Mengarsipkan dokumen
    pelaksana: Pelaksana
    waktu: 30 menit
    output: Arsip dokumen
"
    )
}
