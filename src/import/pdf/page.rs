//! What a PDF page draws, in page coordinates (points, y up): the text as
//! positioned glyphs, and every painted path as its vertices.
//!
//! Text is decoded by pdf-extract (fonts, encodings, ToUnicode maps); the
//! paths are read here from the content stream with lopdf, because the
//! flowchart is in them: symbols are stroked outlines or, as office
//! suites print them, filled rings (an outer and an inner outline filled
//! even-odd), arrows are lines with filled triangles at their tips.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// One character placed on the page.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// Advance width.
    pub w: f64,
    /// Font size on the page.
    pub size: f64,
    pub text: String,
}

/// One painted path: each subpath's vertices (curve end points included).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub subpaths: Vec<Subpath>,
    pub stroked: bool,
    pub filled: bool,
    pub line_width: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subpath {
    pub points: Vec<(f64, f64)>,
    /// How many segments were curves (a capsule's ends, a circle).
    pub curves: usize,
    pub closed: bool,
}

impl Subpath {
    pub fn bbox(&self) -> (f64, f64, f64, f64) {
        bbox(&self.points)
    }
}

/// (min x, min y, max x, max y)
pub fn bbox(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    }
    b
}

/// A page read: its size, glyphs, shapes and whether it holds an image.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub shapes: Vec<Shape>,
    pub images: usize,
}

/// Reads every page of `doc`.
pub fn read_pages(doc: &Document) -> Result<Vec<Page>, String> {
    let mut pages: Vec<Page> = Vec::new();
    for (_, &id) in doc.get_pages().iter() {
        let mut page = Page::default();
        let media = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"MediaBox").ok())
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().map(num).collect::<Vec<_>>())
            .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
        if media.len() == 4 {
            page.width = media[2] - media[0];
            page.height = media[3] - media[1];
        }
        let content = doc.get_page_content(id).map_err(|e| e.to_string())?;
        let resources = page_resources(doc, id);
        let mut walk = Walk {
            doc,
            page: &mut page,
            depth: 0,
        };
        walk.run(&content, resources.as_ref(), IDENTITY);
        pages.push(page);
    }
    // Text through pdf-extract, which knows fonts. A font it cannot read
    // must not stop the import (nor panic it): that page then has no text,
    // and the caller reports it.
    let mut glyphs = Glyphs::default();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(doc, &mut glyphs)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(format!("cannot read the text: {e:?}")),
        Err(_) => return Err("cannot read the text (a font lajur cannot decode)".into()),
    }
    for (i, page_glyphs) in glyphs.pages.into_iter().enumerate() {
        if let Some(p) = pages.get_mut(i) {
            p.glyphs = page_glyphs;
        }
    }
    Ok(pages)
}

fn page_resources(doc: &Document, id: ObjectId) -> Option<Dictionary> {
    let (own, inherited) = doc.get_page_resources(id).ok()?;
    if let Some(d) = own {
        return Some(d.clone());
    }
    inherited
        .first()
        .and_then(|id| doc.get_dictionary(*id).ok())
        .cloned()
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn multiply(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

struct Walk<'a> {
    doc: &'a Document,
    page: &'a mut Page,
    depth: usize,
}

impl Walk<'_> {
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, base: Matrix) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut ctm = base;
        let mut width = 1.0;
        let mut stack: Vec<(Matrix, f64)> = Vec::new();
        let mut subpaths: Vec<Subpath> = Vec::new();
        let mut current = Subpath::default();
        for op in &content.operations {
            let n: Vec<f64> = op.operands.iter().map(num).collect();
            let at = |i: usize| n.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => stack.push((ctm, width)),
                "Q" => {
                    if let Some((m, w)) = stack.pop() {
                        ctm = m;
                        width = w;
                    }
                }
                "cm" if n.len() == 6 => {
                    ctm = multiply([at(0), at(1), at(2), at(3), at(4), at(5)], ctm)
                }
                "w" => width = at(0),
                "m" => {
                    if current.points.len() > 1 {
                        subpaths.push(std::mem::take(&mut current));
                    }
                    current = Subpath {
                        points: vec![apply(ctm, at(0), at(1))],
                        ..Subpath::default()
                    };
                }
                "l" => current.points.push(apply(ctm, at(0), at(1))),
                "c" => {
                    current.points.push(apply(ctm, at(4), at(5)));
                    current.curves += 1;
                }
                "v" | "y" => {
                    current.points.push(apply(ctm, at(2), at(3)));
                    current.curves += 1;
                }
                "h" => current.closed = true,
                "re" => {
                    if current.points.len() > 1 {
                        subpaths.push(std::mem::take(&mut current));
                    }
                    let (x, y, w, h) = (at(0), at(1), at(2), at(3));
                    subpaths.push(Subpath {
                        points: vec![
                            apply(ctm, x, y),
                            apply(ctm, x + w, y),
                            apply(ctm, x + w, y + h),
                            apply(ctm, x, y + h),
                        ],
                        curves: 0,
                        closed: true,
                    });
                    current = Subpath::default();
                }
                paint @ ("S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n") => {
                    if current.points.len() > 1 {
                        subpaths.push(std::mem::take(&mut current));
                    }
                    current = Subpath::default();
                    if (paint.starts_with('s') || paint.starts_with('b'))
                        && let Some(last) = subpaths.last_mut()
                    {
                        last.closed = true;
                    }
                    let stroked = matches!(paint, "S" | "s" | "B" | "B*" | "b" | "b*");
                    let filled = matches!(paint, "f" | "F" | "f*" | "B" | "B*" | "b" | "b*");
                    let paths = std::mem::take(&mut subpaths);
                    if (stroked || filled) && !paths.is_empty() {
                        // The line width on the page (the CTM's scale).
                        let scale = (ctm[0] * ctm[3] - ctm[1] * ctm[2]).abs().sqrt();
                        self.page.shapes.push(Shape {
                            subpaths: paths,
                            stroked,
                            filled,
                            line_width: width * scale,
                        });
                    }
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    self.x_object(resources, name, ctm);
                }
                "BI" => self.page.images += 1,
                _ => {}
            }
        }
    }

    /// An image is counted; a form is drawn as part of the page.
    fn x_object(&mut self, resources: Option<&Dictionary>, name: &[u8], ctm: Matrix) {
        let Some(stream) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| self.resolve(o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(name).ok())
            .and_then(|o| self.resolve(o))
            .and_then(|o| o.as_stream().ok())
        else {
            return;
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok());
        match subtype {
            Some(b"Image") => self.page.images += 1,
            Some(b"Form") if self.depth < 8 => {
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| o.as_array().ok())
                    .map(|a| a.iter().map(num).collect::<Vec<_>>())
                    .filter(|m| m.len() == 6)
                    .map(|m| [m[0], m[1], m[2], m[3], m[4], m[5]])
                    .unwrap_or(IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| self.resolve(o))
                    .and_then(|o| o.as_dict().ok())
                    .cloned();
                let content = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                self.depth += 1;
                let res = own.as_ref().or(resources).cloned();
                self.run(&content, res.as_ref(), multiply(matrix, ctm));
                self.depth -= 1;
            }
            _ => {}
        }
    }

    fn resolve<'b>(&'b self, o: &'b Object) -> Option<&'b Object> {
        match o {
            Object::Reference(id) => self.doc.get_object(*id).ok(),
            other => Some(other),
        }
    }
}

/// Collects pdf-extract's characters page by page.
#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
}

impl pdf_extract::OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _: u32,
        _: &pdf_extract::MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let scale = trm.m22.abs().max(trm.m11.abs());
        let size = font_size * scale;
        let mut w = (width * font_size + spacing) * trm.m11.abs();
        if w < size * 0.1 && text != " " {
            // A subset font without the glyph's width: half an em, about
            // the width of a letter, so the gap to the next one is no space.
            w = size * 0.5;
        }
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            w,
            size,
            text: text.to_string(),
        };
        if let Some(page) = self.pages.last_mut() {
            page.push(glyph);
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}
