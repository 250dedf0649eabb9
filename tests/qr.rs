//! The QR code on the printed form (print.qr): the SOP page printed by
//! headless Chromium, the PDF turned into an image by poppler's pdftoppm,
//! and the image read by a QR decoder (rqrr), as a phone's camera would.
//!
//! The image is made at 150 dpi, about 0.17 mm of paper per pixel: what a
//! 12-megapixel phone camera sees of a sheet held at arm's length (50 cm),
//! so a code decoded here is a code a phone reads from there.
//!
//! The site is served on a local port and its base_url is that address, so
//! the page finds its stylesheet (which hides the screen page in print) and
//! the code holds an absolute URL the test can compare.

mod support;

use std::path::{Path, PathBuf};

use support::{Site, headless, lajur_in, skipped, tool, write};

const UNIT: &str = "---\nnama: Bagian Umum\nsatuan_kerja: Sekretariat Daerah Kota Contoh\n---\n";

const SOP: &str = "\
nomor: SOP-012/Umum/2023
nama: Pelayanan Permohonan Cuti Pegawai
tanggal_pembuatan: 7 November 2018
disahkan_oleh: {jabatan: Sekretaris Daerah, nama: Drs. H. Said Abdullah, nip: 19650928 199203 1 008}
langkah:
  - {kegiatan: Mengajukan permohonan cuti, pelaksana: Pegawai, waktu: 10 menit}
  - {kegiatan: Memeriksa sisa hak cuti, pelaksana: Pengadministrasi, waktu: 15 menit}
  - {kegiatan: Menandatangani surat izin cuti, pelaksana: Kepala Bagian, waktu: 1 hari}
";

/// Where the SOP's page is, under the site.
const SOP_PATH: &str = "/bagian-umum/cuti-pegawai/";

/// Chromium and pdftoppm, or a loud skip.
fn tools() -> Option<(PathBuf, PathBuf)> {
    match (tool("chromium"), tool("pdftoppm")) {
        (Some(chromium), Some(pdftoppm)) => Some((chromium, pdftoppm)),
        (chromium, _) => {
            let name = if chromium.is_none() {
                "chromium"
            } else {
                "pdftoppm"
            };
            skipped(
                name,
                &format!(
                    "{name} is not installed (chromium, poppler-utils): the printed QR code was NOT tested"
                ),
            );
            None
        }
    }
}

/// A handbook whose handbook.yaml is `settings` (with `{site}` replaced by
/// the address the site is served at), built by `lajur build` run in its
/// folder and served; the temporary folder and the server live as long as
/// what is returned.
fn built(settings: &str) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let site = Site::serve(root.join("public"));
    write(
        root,
        "handbook.yaml",
        settings.replace("{site}", &site.url("/")),
    );
    write(root, "content/bagian-umum/_index.md", UNIT);
    write(root, "content/bagian-umum/cuti-pegawai.yaml", SOP);
    let (status, out) = lajur_in(root, &["build"]);
    assert_eq!(status, 0, "lajur build failed:\n{out}");
    (dir, site)
}

/// The first page of `url` as the browser prints it, as an image.
fn printed(tools: &(PathBuf, PathBuf), dir: &Path, url: &str) -> image::GrayImage {
    let (chromium, pdftoppm) = tools;
    let profile = tempfile::tempdir().expect("profile dir");
    let pdf = dir.join("sop.pdf");
    let out = headless(chromium, profile.path())
        .args(["--no-pdf-header-footer", "--virtual-time-budget=3000"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        pdf.is_file(),
        "chromium printed no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let prefix = dir.join("page");
    let status = std::process::Command::new(pdftoppm)
        .args(["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    image::open(prefix.with_extension("png"))
        .expect("the page image")
        .to_luma8()
}

/// The page as a reader sees it on screen, as an image.
fn on_screen(tools: &(PathBuf, PathBuf), dir: &Path, url: &str) -> image::GrayImage {
    let profile = tempfile::tempdir().expect("profile dir");
    let png = dir.join("screen.png");
    headless(&tools.0, profile.path())
        .args(["--hide-scrollbars", "--virtual-time-budget=3000"])
        .args(["--window-size=1280,2400"])
        .arg(format!("--screenshot={}", png.display()))
        .arg(url)
        .output()
        .expect("chromium runs");
    image::open(&png).expect("the screenshot").to_luma8()
}

/// Every QR code in `image`, decoded.
fn decoded(image: image::GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(image);
    prepared
        .detect_grids()
        .iter()
        .map(|grid| match grid.decode() {
            Ok((_, text)) => text,
            Err(e) => panic!("a QR code that cannot be read: {e}"),
        })
        .collect()
}

#[test]
fn the_printed_form_carries_a_qr_code_of_the_sops_address() {
    let Some(tools) = tools() else { return };
    let (dir, site) = built("title: Pedoman SOP\nbase_url: {site}\n");
    let url = site.url(SOP_PATH);
    let codes = decoded(printed(&tools, dir.path(), &url));
    assert_eq!(
        codes,
        std::slice::from_ref(&url),
        "the printed identity page"
    );
    // Only on paper: the screen page has its own address bar.
    let codes = decoded(on_screen(&tools, dir.path(), &url));
    assert!(codes.is_empty(), "a QR code on screen: {codes:?}");
}

#[test]
fn no_qr_code_when_base_url_is_a_path() {
    let Some(tools) = tools() else { return };
    let (dir, site) = built("title: Pedoman SOP\nbase_url: /\n");
    let codes = decoded(printed(&tools, dir.path(), &site.url(SOP_PATH)));
    assert!(
        codes.is_empty(),
        "a path leads nowhere from paper: {codes:?}"
    );
}

#[test]
fn print_qr_false_leaves_the_code_out() {
    let Some(tools) = tools() else { return };
    let (dir, site) = built("title: Pedoman SOP\nbase_url: {site}\nprint:\n  qr: false\n");
    let codes = decoded(printed(&tools, dir.path(), &site.url(SOP_PATH)));
    assert!(codes.is_empty(), "print.qr is false: {codes:?}");
}
