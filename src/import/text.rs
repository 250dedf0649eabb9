//! Text copied out of an SOP form (Word or Excel, saved as text or pasted):
//! one table row a line, cells separated by tabs, as shared seeds show.
//! The flowchart itself is lost in such text, so each step gets the lane its
//! wording names and a `# periksa` note.

use super::draft::{Draft, Step};
use super::form::{self, BoxField, ColumnKind, HeaderField, box_field, column_kind, header_field};
use super::lists::{clean, split_numbered};
use super::roles::named_lane;

/// A line's cells, cleaned; `raw` keeps the HTML an export left (the
/// underlined nama of "Disahkan oleh").
struct Line {
    raw: Vec<String>,
    cells: Vec<String>,
}

impl Line {
    fn new(text: &str) -> Line {
        let raw: Vec<String> = text.split('\t').map(str::to_string).collect();
        let cells = raw.iter().map(|c| clean(c)).collect();
        Line { raw, cells }
    }
    fn filled(&self) -> impl Iterator<Item = (usize, &str)> {
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty() && c.as_str() != ":")
            .map(|(i, c)| (i, c.as_str()))
    }
    fn is_blank(&self) -> bool {
        self.filled().next().is_none()
    }
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }
}

/// Reads the text of one SOP form.
pub fn read(text: &str) -> Draft {
    let lines: Vec<Line> = text.lines().map(Line::new).collect();
    let mut draft = Draft::default();
    let table = lines.iter().position(is_table_header);
    let before_table = &lines[..table.unwrap_or(lines.len())];

    let first_header = before_table
        .iter()
        .position(|l| l.cells.iter().any(|c| header_field(c).is_some()));
    let mut kop = Vec::new();
    if let Some(first) = first_header {
        for line in &before_table[..first] {
            kop.extend(line.filled().map(|(_, c)| c.to_string()));
        }
    }
    let mut boxes_from = first_header.unwrap_or(0);
    // Each header field with the lines of its value: a value may go on
    // over the next lines (Disahkan oleh: jabatan, nama, NIP), in cells
    // right of its label.
    let mut fields: Vec<(HeaderField, usize, Vec<String>)> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for (i, line) in before_table
        .iter()
        .enumerate()
        .skip(first_header.unwrap_or(usize::MAX))
    {
        let Some(at) = line.cells.iter().position(|c| header_field(c).is_some()) else {
            if line.filled().any(|(_, c)| box_field(c).is_some()) {
                break;
            }
            boxes_from = i + 1;
            for (j, cell) in line.filled() {
                match fields.last_mut() {
                    // A date or a number is one line: a line after it is
                    // the top of the next field's value, printed centred
                    // beside its label (Disahkan oleh over three lines).
                    Some((field, label_at, _))
                        if j > *label_at
                            && !matches!(field, HeaderField::DisahkanOleh | HeaderField::Nama) =>
                    {
                        pending.push(line.raw[j].clone())
                    }
                    Some((_, label_at, values)) if j > *label_at => {
                        values.push(line.raw[j].clone())
                    }
                    // A kop line beside the header rows (the left column
                    // of a merged cell).
                    _ => kop.push(cell.to_string()),
                }
            }
            continue;
        };
        boxes_from = i + 1;
        kop.extend(line.cells[..at].iter().filter(|c| !c.is_empty()).cloned());
        let field = header_field(&line.cells[at]).expect("found above");
        let values: Vec<String> = (at + 1..line.cells.len())
            .filter(|&j| !line.cells[j].is_empty() && line.cells[j] != ":")
            .map(|j| {
                line.raw[j]
                    .trim()
                    .trim_start_matches(':')
                    .trim()
                    .to_string()
            })
            .collect();
        let mut values = if values.is_empty() {
            Vec::new()
        } else {
            vec![values.join(" ")]
        };
        if matches!(field, HeaderField::DisahkanOleh | HeaderField::Nama) {
            values.splice(0..0, pending.drain(..));
        } else if let Some((_, _, before)) = fields.last_mut() {
            before.append(&mut pending);
        }
        fields.push((field, at, values));
    }
    if let Some((_, _, last)) = fields.last_mut() {
        last.append(&mut pending);
    }
    for (field, _, values) in fields {
        set_header(&mut draft, field, &values);
    }
    form::file_kop_lines(&kop, &mut draft);
    read_boxes(
        &before_table[boxes_from.min(before_table.len())..],
        &mut draft,
    );

    let after = match table {
        Some(t) => read_table(&lines[t..], &mut draft),
        None => {
            draft.note(
                "",
                "tabel langkah (No, Kegiatan, Pelaksana) tidak ditemukan",
            );
            lines.len()
        }
    };
    if draft.disahkan_oleh.is_none() {
        let rest: Vec<String> = lines[after.min(lines.len())..]
            .iter()
            .map(|l| l.cells.join(" "))
            .collect();
        if let Some(sig) = form::signature(&rest) {
            draft.disahkan_oleh = Some(sig);
            draft.note(
                "disahkan_oleh",
                "kolom Disahkan oleh kosong; diisi dari tanda tangan di bawah tabel",
            );
        }
    }
    draft
}

fn set_header(draft: &mut Draft, field: HeaderField, lines: &[String]) {
    let value = clean(&lines.join(" "));
    let value = Some(value).filter(|v| !v.is_empty());
    match field {
        HeaderField::Nomor => draft.nomor = value,
        HeaderField::Nama => draft.nama = value,
        HeaderField::Pembuatan => draft.tanggal_pembuatan = value,
        HeaderField::Revisi => draft.tanggal_revisi = value,
        HeaderField::Efektif => draft.tanggal_efektif = value,
        HeaderField::Pengesahan => draft.tanggal_pengesahan = value,
        HeaderField::DisahkanOleh => {
            if value.is_some() {
                draft.disahkan_oleh = form::read_approver_lines(lines, draft);
            }
        }
    }
}

/// The identity boxes: a line of labels ("Dasar Hukum <tab> Kualifikasi
/// Pelaksana") then lines whose cells fall under the label at or left of
/// them.
fn read_boxes(lines: &[Line], draft: &mut Draft) {
    let mut columns: Vec<(usize, BoxField)> = Vec::new();
    let mut texts: Vec<(BoxField, String)> = Vec::new();
    for line in lines {
        let labels: Vec<(usize, BoxField)> = line
            .filled()
            .filter_map(|(i, c)| box_field(c).map(|b| (i, b)))
            .collect();
        if !labels.is_empty() && labels.len() == line.filled().count() {
            columns = labels;
            continue;
        }
        for (i, cell) in line.filled() {
            let Some(&(_, field)) = columns.iter().rev().find(|(c, _)| *c <= i) else {
                continue;
            };
            match texts.iter_mut().find(|(f, _)| *f == field) {
                Some((_, t)) => {
                    t.push(' ');
                    t.push_str(cell);
                }
                None => texts.push((field, cell.to_string())),
            }
        }
    }
    for (field, text) in texts {
        *field.list(draft) = split_numbered(&text);
    }
}

fn is_table_header(line: &Line) -> bool {
    let kinds: Vec<ColumnKind> = line.filled().filter_map(|(_, c)| column_kind(c)).collect();
    kinds.contains(&ColumnKind::No) && kinds.contains(&ColumnKind::Kegiatan)
}

/// What each column of the table holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Field(ColumnKind),
    Lane(String),
}

/// Reads the flowchart table from its header line; returns the index (in
/// `lines`) of the first line after it.
fn read_table(lines: &[Line], draft: &mut Draft) -> usize {
    let first_row = lines
        .iter()
        .position(|l| row_number(l.cell(0)).is_some())
        .unwrap_or(lines.len());
    let columns = columns_of(&lines[..first_row.max(1)]);
    draft.lanes = columns
        .iter()
        .filter_map(|c| match c {
            Some(Column::Lane(name)) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let find = |kind: ColumnKind| columns.iter().position(|c| *c == Some(Column::Field(kind)));
    let kegiatan = find(ColumnKind::Kegiatan).unwrap_or(1);
    let no = find(ColumnKind::No).unwrap_or(0);
    let fields = [
        (ColumnKind::Kelengkapan, find(ColumnKind::Kelengkapan)),
        (ColumnKind::Waktu, find(ColumnKind::Waktu)),
        (ColumnKind::Output, find(ColumnKind::Output)),
        (ColumnKind::Keterangan, find(ColumnKind::Keterangan)),
    ];

    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(first_row) {
        if line.is_blank() {
            continue;
        }
        if is_table_header(line) {
            // The header repeated on the next page.
            continue;
        }
        let number = row_number(line.cell(no));
        if number.is_none() && line.cells.len() < 3 {
            // Text after the table: the signature block.
            end = i;
            break;
        }
        let continued = number.is_none();
        if continued && draft.steps.is_empty() {
            continue;
        }
        if !continued {
            draft.steps.push(Step {
                no: number.unwrap_or_default(),
                ..Step::default()
            });
        }
        let step = draft.steps.last_mut().expect("pushed above");
        append(&mut step.kegiatan, line.cell(kegiatan));
        for (kind, col) in fields {
            let Some(col) = col else { continue };
            let text = line.cell(col);
            if text.is_empty() {
                continue;
            }
            let slot = match kind {
                ColumnKind::Kelengkapan => &mut step.kelengkapan,
                ColumnKind::Waktu => &mut step.waktu,
                ColumnKind::Output => &mut step.output,
                _ => &mut step.keterangan,
            };
            append(slot.get_or_insert_with(String::new), text);
        }
        for (c, column) in columns.iter().enumerate() {
            if let Some(Column::Lane(lane)) = column
                && !line.cell(c).is_empty()
            {
                step.notes.push(format!(
                    "sisa teks \"{}\" di lajur {lane} pada baris ini (label panah?): bagan alir tidak terbaca dari teks",
                    line.cell(c)
                ));
            }
        }
    }
    assign_lanes(draft);
    end
}

/// The columns of a table from its heading lines (the first names No and
/// Kegiatan, the others are sub-headings: the lanes under "Pelaksana",
/// Kelengkapan/Waktu/Output under "Mutu Baku").
pub fn columns(heading: &[String]) -> Vec<Option<Column>> {
    let lines: Vec<Line> = heading.iter().map(|l| Line::new(l)).collect();
    columns_of(&lines)
}

fn columns_of(lines: &[Line]) -> Vec<Option<Column>> {
    let header = &lines[0];
    let sub_rows = &lines[1..];
    let width = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    let mut columns: Vec<Option<Column>> = vec![None; width];
    // The heading a merged cell of the first row spreads over the columns
    // to its right until the next heading.
    let mut spread: Option<ColumnKind> = None;
    for (c, column) in columns.iter_mut().enumerate() {
        let top = header.cell(c);
        if !top.is_empty() {
            spread = column_kind(top);
        }
        let sub = sub_rows.iter().map(|l| l.cell(c)).rfind(|s| !s.is_empty());
        *column = match (column_kind(top), sub) {
            (Some(ColumnKind::Pelaksana | ColumnKind::MutuBaku), None) => None,
            (Some(kind), None) => Some(Column::Field(kind)),
            (_, Some(sub)) => match column_kind(sub) {
                // A lane may be called "Pelaksana" (the staff).
                Some(ColumnKind::Pelaksana) => Some(Column::Lane(sub.to_string())),
                Some(kind) => Some(Column::Field(kind)),
                None if matches!(spread, Some(ColumnKind::Pelaksana) | None) || top.is_empty() => {
                    Some(Column::Lane(sub.to_string()))
                }
                None => None,
            },
            (None, None) => None,
        };
    }
    // Headings on one line (the "Pelaksana" over them lost): the named
    // columns between Kegiatan and the mutu baku are the lanes.
    let kegiatan = columns
        .iter()
        .position(|c| *c == Some(Column::Field(ColumnKind::Kegiatan)));
    if let Some(k) = kegiatan
        && !columns.iter().any(|c| matches!(c, Some(Column::Lane(_))))
    {
        for (c, column) in columns.iter_mut().enumerate().skip(k + 1) {
            if column.is_some() {
                break;
            }
            let top = header.cell(c);
            if !top.is_empty() {
                *column = Some(Column::Lane(top.to_string()));
            }
        }
    }
    columns
}

fn append(to: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(text);
}

/// "7", "7." as a step number.
fn row_number(cell: &str) -> Option<String> {
    let n = cell.trim().trim_end_matches(['.', ')']);
    (!n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit())).then(|| n.to_string())
}

/// Gives each step the lane its wording names, with a note either way: the
/// text has no flowchart to say so.
fn assign_lanes(draft: &mut Draft) {
    if draft.lanes.is_empty() && !draft.steps.is_empty() {
        draft.lanes.push("Pelaksana".to_string());
        draft.note(
            "pelaksana",
            "kolom pelaksana tidak ditemukan; semua langkah diberi satu lajur \"Pelaksana\"",
        );
    }
    for step in &mut draft.steps {
        match named_lane(&step.kegiatan, &draft.lanes) {
            Some(lane) => {
                step.pelaksana = vec![lane.to_string()];
                step.notes.push(format!(
                    "pelaksana diambil dari kata-kata kegiatan ({lane}); cocokkan dengan bagan alir asli"
                ));
            }
            None => {
                step.pelaksana = vec![draft.lanes[0].clone()];
                step.notes.push(
                    "pelaksana tidak tersebut dalam kegiatan; diisi lajur pertama, cocokkan dengan bagan alir asli"
                        .to_string(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_070: &str = include_str!("../../tests/fixtures/seeds/sop-070-setda-banjarbaru.txt");
    const SEED_04: &str = include_str!("../../tests/fixtures/seeds/sop-04-bpkpad-balangan.txt");

    #[test]
    fn seed_070_identity_fields() {
        let d = read(SEED_070);
        assert_eq!(d.nomor.as_deref(), Some("SOP- 070/Setda"));
        assert_eq!(
            d.nama.as_deref(),
            Some("Penyusunan Rencana Kinerja Tahunan")
        );
        assert_eq!(d.tanggal_pembuatan.as_deref(), Some("7-Nov-2018"));
        assert_eq!(d.tanggal_revisi, None);
        assert_eq!(d.tanggal_efektif.as_deref(), Some("31 Desember 2018"));
        assert_eq!(d.organisasi.as_deref(), Some("PEMERINTAH KOTA BANJARBARU"));
        assert_eq!(
            d.satuan_kerja.as_deref(),
            Some("SEKRETARIAT DAERAH KOTA BANJARBARU")
        );
        assert_eq!(d.unit, ["BAGIAN UMUM", "SUB BAGIAN PERENCANAAN"]);
        let a = d.disahkan_oleh.as_ref().unwrap();
        assert_eq!(a.jabatan, "Sekretaris Daerah");
        assert_eq!(a.nama, "Drs. H. SAID ABDULLAH, M.Si");
        assert_eq!(a.nip, "19650928 199203 1 008");
        assert_eq!(d.dasar_hukum.len(), 5);
        assert_eq!(
            d.dasar_hukum[4],
            "Peraturan Pemerintah No. 58 Tahun 2005 tentang Pengelolaan Keuangan Daerah"
        );
        assert_eq!(d.kualifikasi_pelaksana.len(), 3);
        assert_eq!(d.keterkaitan, ["SOP Penyusunan Laporan Kinerja"]);
        assert_eq!(d.peralatan.len(), 4);
        assert_eq!(d.peringatan.len(), 1);
        assert_eq!(
            d.pencatatan,
            ["Disimpan sebagai data elektronik, manual dan di arsipkan di ordner"]
        );
    }

    #[test]
    fn seed_070_lanes_and_steps_with_mutu_baku() {
        let d = read(SEED_070);
        assert_eq!(
            d.lanes,
            [
                "Kepala Sub Bagian Perencanaan",
                "Pelaksana",
                "Sekretaris Daerah",
                "Kepala Bagian Umum",
                "Asisten III"
            ]
        );
        assert_eq!(d.steps.len(), 11);
        let s = &d.steps[3];
        assert_eq!(s.no, "4");
        assert!(s.kegiatan.starts_with("Melaksanakan rapat koordinasi"));
        assert_eq!(s.kelengkapan.as_deref(), Some("Undangan Rapat"));
        assert_eq!(s.waktu.as_deref(), Some("1 jam"));
        assert_eq!(s.output.as_deref(), Some("Draft RKT"));
        assert!(
            d.steps
                .iter()
                .all(|s| s.pelaksana.len() == 1 && !s.notes.is_empty())
        );
    }

    #[test]
    fn seed_04_kop_signature_and_leftover_labels() {
        let d = read(SEED_04);
        assert_eq!(d.nomor.as_deref(), Some("SOP – 04/BPKPAD"));
        assert_eq!(d.nama.as_deref(), Some("SOP Tehnis Perencanaan Kinerja"));
        assert_eq!(
            d.satuan_kerja.as_deref(),
            Some("Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah Kabupaten Balangan")
        );
        assert!(d.unit.is_empty());
        let a = d.disahkan_oleh.as_ref().unwrap();
        assert_eq!(
            (a.jabatan.as_str(), a.nama.as_str()),
            ("KEPALA BPKPAD", "FAKHRIYANTO, S.Pt, MP")
        );
        assert_eq!(a.nip, "19780601 200501 1 016");
        assert!(d.notes_at("disahkan_oleh").next().is_some());
        assert_eq!(d.dasar_hukum.len(), 2);
        assert_eq!(d.kualifikasi_pelaksana.len(), 3);
        assert_eq!(d.keterkaitan.len(), 3);
        assert_eq!(
            d.peralatan,
            [
                "Peraturan Perundang-undangan yang terkait dengan penyusunan LAKIP",
                "Data dan Informasi yang terkait dengan pelaksanaan program kegiatan",
                "ATK",
                "Komputer"
            ]
        );
        assert_eq!(d.lanes.len(), 5);
        assert_eq!(d.steps.len(), 9);
        assert_eq!(d.steps[6].waktu.as_deref(), Some("120 hari"));
        // "Disposisi kepada kasubag Renkeu" names the Kasubbag lane.
        assert_eq!(d.steps[0].pelaksana, ["Kasubbag Perencanaan dan Keuangan"]);
        // The Ya/tidak left in the lane cells of row 7 are reported.
        assert!(d.steps[6].notes.iter().any(|n| n.contains("\"Ya\"")));
        assert!(d.steps[6].notes.iter().any(|n| n.contains("\"tidak\"")));
    }
}
