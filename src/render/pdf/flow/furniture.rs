//! The header and footer on every page, and the page geometry they leave for the body.
//!
//! Header: clinic name at the left, "Questions? Call (phone)" at the right (a `tel:` link), a rule.
//! Footer: a rule; the review note, the phone and "Page N of M" at the left; the web address and a QR
//! code of it at the right, both one link. The footer is measured once, before the body is laid out,
//! because its height decides the text box.

use super::super::block::{Document, Inline, Span};
use super::super::font::Fonts;
use super::super::frame::{Item, Rect};
use super::super::linebreak::Align;
use super::super::qr::{self, QrSymbol, QUIET_ZONE};
use super::blocks::hline;
use super::style::*;
use super::text::{self, LineBox, TextStyle};
use super::{translate, LayoutError};

/// The page and its three bands, in page coordinates.
#[derive(Clone, Copy, Debug)]
pub(super) struct Geometry {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) header: Rect,
    pub(super) body: Rect,
    pub(super) footer: Rect,
}

/// Header and footer content, set once and stamped on every page.
pub(super) struct Furniture<'a> {
    fonts: &'a Fonts,
    width: f32,
    height: f32,
    /// The clinic name, possibly on two lines if it is very long.
    name: Vec<LineBox>,
    header_height: f32,
    /// "Questions? Call (phone)", right-aligned in the header, the number linked to `tel:`.
    call: Vec<LineBox>,
    /// Review note lines, then the phone line, in the footer's left column.
    notes: Vec<LineBox>,
    /// Caption and URL lines beside the QR code, right-aligned.
    url: Vec<LineBox>,
    url_target: String,
    qr: QrSymbol,
    footer_height: f32,
    left_width: f32,
}

const CALL: &str = "Questions? Call ";

/// "Questions? Call (phone)" with the number in bold and linked to `tel:`.
fn call_line(phone: &str, tel: &str) -> [Inline; 2] {
    [
        Inline::plain(CALL),
        Inline::Text(Span {
            text: phone.to_string(),
            bold: true,
            italic: false,
            link: (!tel.is_empty()).then(|| format!("tel:{tel}")),
        }),
    ]
}

fn footer_style(color: super::super::frame::Color, bold: bool, align: Align) -> TextStyle {
    TextStyle {
        size: FOOTER_SIZE,
        leading: FOOTER_LEADING,
        bold,
        color,
        link_color: color,
        align,
    }
}

impl<'a> Furniture<'a> {
    /// Measures the header and footer of `doc`.
    pub(super) fn new(doc: &'a Document, fonts: &'a Fonts) -> Result<Furniture<'a>, LayoutError> {
        let (width, height) = doc.paper.size();
        let inner = width - 2.0 * MARGIN_X;

        let call_style = TextStyle {
            size: HEADER_PHONE_SIZE,
            leading: 1.15,
            bold: false,
            color: MUTED,
            link_color: ACCENT,
            align: Align::Right,
        };
        let header_call = call_line(&doc.header.phone, &doc.header.tel);
        let call = text::set(fonts, &header_call, call_style, inner * 0.5)?;
        let call_width = widest(&call);
        let name_style = TextStyle {
            size: HEADER_NAME_SIZE,
            leading: 1.15,
            bold: true,
            color: ACCENT,
            link_color: ACCENT,
            align: Align::Left,
        };
        let name_width = (inner - call_width - 24.0).max(inner * 0.4);
        let name = text::set_plain(fonts, &doc.header.name, name_style, name_width)?;
        let name_height: f32 = name.iter().map(|l| l.height).sum();
        let header_height = HEADER_HEIGHT.max(name_height + 9.0);

        let qr = qr::encode(&doc.footer.url).map_err(LayoutError::Qr)?;
        let mut url = text::set_plain(
            fonts,
            "Scan or visit for the latest version:",
            footer_style(MUTED, false, Align::Right),
            FOOTER_URL_WIDTH,
        )?;
        url.extend(text::set_plain(
            fonts,
            &doc.footer.url,
            footer_style(ACCENT, false, Align::Right),
            FOOTER_URL_WIDTH,
        )?);
        let url_width = widest(&url);
        let left_width = (inner - QR_SIDE - url_width - 18.0).max(inner * 0.3);
        let mut notes = text::set_plain(
            fonts,
            &doc.footer.reviewed,
            footer_style(MUTED, false, Align::Left),
            left_width,
        )?;
        let footer_call = call_line(&doc.footer.phone, &doc.footer.tel);
        notes.extend(text::set(
            fonts,
            &footer_call,
            footer_style(TEXT, false, Align::Left),
            left_width,
        )?);
        // The page line ("Page N of M") is one more line under the notes, and both text columns
        // start level with the QR's dark modules, below its quiet zone.
        let page_line = FOOTER_SIZE * FOOTER_LEADING;
        let offset = text_offset(&qr);
        let left_height: f32 = offset + notes.iter().map(|l| l.height).sum::<f32>() + page_line;
        let right_height: f32 = offset + url.iter().map(|l| l.height).sum::<f32>();
        let footer_height = FOOTER_RULE_GAP + QR_SIDE.max(left_height).max(right_height);

        Ok(Furniture {
            fonts,
            width,
            height,
            name,
            header_height,
            call,
            notes,
            url,
            url_target: doc.footer.url.clone(),
            qr,
            footer_height,
            left_width,
        })
    }

    /// The page's bands and text box.
    pub(super) fn geometry(&self) -> Geometry {
        let inner = self.width - 2.0 * MARGIN_X;
        let header = Rect {
            x: MARGIN_X,
            y: self.height - MARGIN_Y - self.header_height,
            w: inner,
            h: self.header_height,
        };
        let footer = Rect {
            x: MARGIN_X,
            y: MARGIN_Y,
            w: inner,
            h: self.footer_height,
        };
        let bottom = footer.top() + FOOTER_GAP;
        let top = header.y - HEADER_GAP;
        let body = Rect {
            x: MARGIN_X,
            y: bottom,
            w: inner,
            h: (top - bottom).max(1.0),
        };
        Geometry {
            width: self.width,
            height: self.height,
            header,
            body,
            footer,
        }
    }

    /// Header items of page `index` (0-based).
    pub(super) fn header(&self, _index: usize, g: &Geometry) -> Vec<Item> {
        let h = g.header;
        let mut items = Vec::new();
        // The rule sits on the band's bottom edge; the text sits above it.
        items.push(hline(h.x, h.right(), h.y + 0.5, ACCENT, 1.0));
        let mut top = h.top();
        for line in &self.name {
            for item in &line.items {
                let mut item = item.clone();
                translate(&mut item, h.x, top);
                items.push(item);
            }
            top -= line.height;
        }
        // The phone line shares the first baseline of the clinic name, flush right.
        let name_baseline = self
            .name
            .first()
            .map_or(h.y + 8.0, |l| h.top() - l.baseline);
        if let Some(line) = self.call.first() {
            let top = name_baseline + line.baseline;
            stamp(&mut items, line, h.right() - self.call_width(), top);
        }
        items
    }

    /// Width the header's phone line was set in (its lines are right-aligned within it).
    fn call_width(&self) -> f32 {
        (self.width - 2.0 * MARGIN_X) * 0.5
    }

    /// Footer items of page `index` (0-based) of `total`.
    pub(super) fn footer(&self, index: usize, total: usize, g: &Geometry) -> Vec<Item> {
        let f = g.footer;
        let mut items = vec![hline(
            f.x,
            f.right(),
            f.top() - HAIRLINE / 2.0,
            ACCENT_RULE,
            HAIRLINE,
        )];
        let content_top = f.top() - FOOTER_RULE_GAP;
        let module = module_size(&self.qr);
        let text_top = content_top - text_offset(&self.qr);

        // Left column: review note, phone, page number.
        let mut top = text_top;
        for line in &self.notes {
            stamp(&mut items, line, f.x, top);
            top -= line.height;
        }
        let page = text::set_plain(
            self.fonts,
            &format!("Page {} of {}", index + 1, total),
            footer_style(MUTED, false, Align::Left),
            self.left_width,
        );
        for line in page.iter().flatten() {
            stamp(&mut items, line, f.x, top);
            top -= line.height;
        }

        // Right: the web address beside its QR code.
        let qr_x = f.right() - QR_SIDE;
        let url_right = qr_x;
        let url_width = widest(&self.url);
        let mut top = text_top;
        for line in &self.url {
            // Lines are right-aligned within the URL column, whose right edge touches the quiet zone.
            stamp(&mut items, line, url_right - FOOTER_URL_WIDTH, top);
            top -= line.height;
        }
        items.push(Item::Qr {
            x: qr_x,
            y: content_top - QR_SIDE,
            module,
            modules: self.qr.modules,
            runs: self.qr.runs.clone(),
        });
        items.push(Item::Link {
            rect: Rect {
                x: url_right - url_width,
                y: content_top - QR_SIDE,
                w: url_width + QR_SIDE,
                h: QR_SIDE,
            },
            uri: self.url_target.clone(),
        });
        items
    }
}

/// Copies a line's items to the page with its top-left corner at (`x`, `top`).
fn stamp(items: &mut Vec<Item>, line: &LineBox, x: f32, top: f32) {
    for item in &line.items {
        let mut item = item.clone();
        translate(&mut item, x, top);
        items.push(item);
    }
}

/// The widest set width among right-aligned `lines`, measured from their items.
fn widest(lines: &[LineBox]) -> f32 {
    let mut widest: f32 = 0.0;
    for line in lines {
        let (mut left, mut right) = (f32::INFINITY, f32::NEG_INFINITY);
        for item in &line.items {
            if let Item::Text { x, width, .. } = item {
                left = left.min(*x);
                right = right.max(x + width);
            }
        }
        if right > left {
            widest = widest.max(right - left);
        }
    }
    widest
}

/// Side of one QR module in points.
fn module_size(qr: &QrSymbol) -> f32 {
    QR_SIDE / f32::from(qr.modules.max(1))
}

/// How far below the footer's content top the text starts: level with the QR's dark modules (the
/// quiet zone is blank), nudged up so cap height rather than the line box lines up with them.
fn text_offset(qr: &QrSymbol) -> f32 {
    (f32::from(QUIET_ZONE) * module_size(qr) - 1.5).max(0.0)
}
