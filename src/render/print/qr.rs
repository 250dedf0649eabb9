//! The QR code on the printed form: from the paper on a desk back to the
//! SOP's page (the current version), read by a phone's camera.
//!
//! The `qrcode` crate encodes; the drawing is one `<path>` written here, as
//! inline SVG for the page (the crate's own SVG writer starts with an XML
//! declaration and draws a rect per module).

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

/// A module's side on paper, in mm. A phone held at arm's length (about
/// 50 cm) sees about 0.17 mm of paper per pixel of a 12-megapixel camera:
/// 0.7 mm gives each module 4 pixels, where decoders need 2 or 3, and keeps
/// the code of a typical address (version 5 or 6) near 3 cm wide.
const MODULE_MM: f64 = 0.7;
/// The widest the code is drawn, quiet zone included, in mm: a very long
/// address gets smaller modules rather than a kop taken over by its code.
const MAX_MM: f64 = 40.0;
/// The blank margin a reader needs around the code, in modules (ISO/IEC
/// 18004 asks for 4).
const QUIET: usize = 4;

/// The code of `url` as an `<svg>` sized in mm, or None when `url` is not an
/// absolute http(s) address (a path alone leads nowhere from paper) or too
/// long for a QR code.
pub fn svg(url: &str) -> Option<String> {
    if !crate::model::url::is_web_link(url) {
        return None;
    }
    // M (15% of the code may be lost) holds up to a fold, a pen mark or a
    // worn photocopy, and keeps the modules larger than Q or H would.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let side = width + 2 * QUIET;
    let mm = (side as f64 * MODULE_MM).min(MAX_MM);
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Some(format!(
        "<svg class=\"print-qr__code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         width=\"{mm:.1}mm\" height=\"{mm:.1}mm\" shape-rendering=\"crispEdges\" aria-hidden=\"true\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_absolute_address_gets_a_code() {
        assert!(svg("/sop/umum/rkt/").is_none());
        assert!(svg("umum/rkt/").is_none());
        let code = svg("https://sop.example.go.id/umum/rkt/").expect("a code");
        assert!(code.starts_with("<svg"), "{code}");
    }

    #[test]
    fn modules_stay_large_enough_and_the_code_small() {
        let mm = |url: &str| -> f64 {
            let code = svg(url).expect("a code");
            let at = code.find("width=\"").unwrap() + 7;
            code[at..].split("mm").next().unwrap().parse().unwrap()
        };
        let typical =
            "https://sop.banjarbarukota.go.id/setda/bagian-umum/pelayanan-permohonan-cuti-pegawai/";
        assert!((25.0..=40.0).contains(&mm(typical)), "{}", mm(typical));
        let long = format!("https://sop.example.go.id/{}/", "unit-kerja-".repeat(40));
        assert!(mm(&long) <= MAX_MM);
    }
}
