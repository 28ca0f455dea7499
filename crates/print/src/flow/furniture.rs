//! The header and footer on every page, and the page geometry they leave for the body.
//!
//! Their text is written in the print template (`<header>`'s `<left>` and `<right>`, `<footer>`'s
//! `<line>`s, caption and URL); this module gives it its place and look. Header: the left text (the
//! clinic's name) bold in the accent colour, the right text (the phone line) flush right on the same
//! baseline, a rule. Footer: a rule; the lines at the left, muted unless `tone="strong"`; the web
//! address and a QR code of it at the right, both one link. Lines with `{page}` or `{pages}` are set
//! again for every page, once the page count is known. The footer is measured once, before the body
//! is laid out, because its height decides the text box.
//!
//! Page 1's furniture is content, read once: the header's words first, before the body, a `P` per
//! text in a leading `Div`; the footer's lines and caption last, a `P` each in a trailing `Div`,
//! then the web address's `Link` holding the QR `Figure`. Each link is one `Link` element inside the
//! `P` of its words, holding its annotation on every page. On later pages the same words (and the
//! running head, and the QR code) are pagination artifacts: they repeat what page 1 said. The rules,
//! the logo and the printed web address (the QR code's alt text says it) are artifacts everywhere.

use super::super::block::{Document, FooterLine, Inline, LinePages, LineTone, Span};
use super::super::font::Fonts;
use super::super::frame::{Artifact, Color, Item, Rect, Role, Tag};
use super::super::hyphenate::Language;
use super::super::linebreak::Align;
use super::super::picture::{Picture, Pictures};
use super::super::qr::{self, QrSymbol, QUIET_ZONE};
use super::super::style::Style;
use super::blocks::hline;
use super::running;
use super::structure::{Tree, ROOT};
use super::text::{self, LineBox, Owner, TextStyle};
use super::{translate, Chunk, LayoutError};
use std::sync::Arc;

/// Rounding slack when comparing band heights, in points.
const FIT_SLACK: f32 = 0.01;
/// The placeholder for the page's number in footer lines.
const PAGE: &str = "{page}";
/// The placeholder for the page count in footer lines.
const PAGES: &str = "{pages}";
/// What the placeholders are measured as before the page count is known: two digits, wider than any
/// real handout's numbers, so a line measured to fit on one line still does on every page.
const PAGE_STAND_IN: usize = 99;

/// The share of the band the header's right text (the phone line) is set in, right-aligned, unless
/// its one line needs more ("¿Preguntas? Llame al (555) 010-0142" at 18 pt is 0.62 of A4 between
/// large print's 0.75 in margins): only its first line is drawn, so it must not wrap.
const RIGHT_SHARE: f32 = 0.62;
/// The least share of the band the header's left text keeps beside the phone line; with less, the
/// phone line goes under it.
const MIN_LEFT_SHARE: f32 = 0.4;
/// Space between the header's left text and its phone line, in points.
const HEADER_GAP: f32 = 24.0;

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
    style: &'a Style,
    width: f32,
    height: f32,
    /// The header's left text (the clinic's name), possibly on two lines if it is very long.
    left: Vec<LineBox>,
    /// The clinic's logo at the left of the band, with its drawn width and height.
    logo: Option<(Arc<Picture>, f32, f32)>,
    header_height: f32,
    /// Whether the phone line sits under the left text instead of beside it.
    stacked: bool,
    /// The running head that replaces `left` on pages 2 and later, if the template has one.
    later: Vec<LineBox>,
    /// The header's right text, right-aligned.
    right: Vec<LineBox>,
    /// The width the right text is set in.
    right_box: f32,
    /// The footer's left column, in order, each line with the pages it is printed on.
    lines: Vec<(LinePages, FooterText<'a>)>,
    /// Caption and URL lines beside the QR code, right-aligned; or, `stacked_url`, left-aligned
    /// under the footer's lines.
    url: Vec<LineBox>,
    /// Whether the caption and URL go under the lines, the lines then as wide as the band less the
    /// QR code: large type beside both would wrap every line into several.
    stacked_url: bool,
    /// The pages the QR code (and the caption and URL) are printed on.
    qr_pages: LinePages,
    /// How wide the footer's lines are set.
    columns: Columns,
    url_target: String,
    qr: QrSymbol,
    /// The footer band's height on each kind of page (see [`Kind`]).
    footer_heights: [f32; 4],
    /// The footer's `Div`, attached to the tree after the body.
    group: usize,
    /// The `Link` element of the web address and its QR code.
    url_link: usize,
    /// The QR code's `Figure` (page 1; on later pages the code is an artifact).
    figure: usize,
    /// How the lines that name the page are set on each page.
    setter: LineSetter<'a>,
}

/// What the footer's lines are set with, the same on every page.
#[derive(Clone, Copy)]
struct LineSetter<'a> {
    fonts: &'a Fonts,
    style: &'a Style,
    lang: Option<Language>,
}

/// How wide the footer's left column is: beside the caption and URL, or, with those under the
/// lines, beside the QR code down to its bottom and the band's whole width below it; the band's
/// whole width on pages without the code.
#[derive(Clone, Copy, Debug)]
struct Columns {
    stacked: bool,
    /// Beside the caption and URL.
    beside: f32,
    /// Beside the QR code alone.
    narrow: f32,
    /// The band.
    full: f32,
    /// The code's side, how far down it reaches below the band's content top.
    qr_side: f32,
    /// Height of one footer line.
    row: f32,
}

impl Columns {
    /// Widths of the lines of a paragraph whose top is `top` below the content top, on a page
    /// with the code (`qr`) or without.
    fn widths(&self, qr: bool, top: f32) -> Vec<f32> {
        if !qr {
            return vec![self.full];
        }
        if !self.stacked {
            return vec![self.beside];
        }
        let beside = ((self.qr_side - top) / self.row - FIT_SLACK)
            .ceil()
            .max(0.0) as usize;
        let mut widths = vec![self.narrow; beside];
        widths.push(self.full);
        widths
    }
}

impl LineSetter<'_> {
    /// `line` as set on page `page` of `pages`, its lines `widths` wide, tagged as `owner` says.
    fn set(
        &self,
        line: &FooterLine,
        page: usize,
        pages: usize,
        widths: &[f32],
        owner: &mut Owner<'_>,
    ) -> Result<Vec<LineBox>, LayoutError> {
        let color = match line.tone {
            LineTone::Muted => self.style.muted,
            LineTone::Strong => self.style.text,
        };
        let style = footer_style(self.style, self.lang, color, Align::Left);
        let inlines = numbered(&line.inlines, page, pages);
        text::set_widths(self.fonts, &inlines, style, widths, owner)
    }

    /// Height of the lines of `lines` printed on pages of `kind`, the first `top` below the
    /// content top, set as wide as `columns` says; lines that name the page measured with
    /// two-digit numbers.
    fn column(
        &self,
        lines: &[FooterLine],
        kind: Kind,
        top: f32,
        columns: &Columns,
        qr: bool,
    ) -> Result<f32, LayoutError> {
        let mut scratch = Tree::new();
        let mut height = 0.0;
        for line in lines.iter().filter(|l| kind.prints(l.pages)) {
            let mut measuring = owner(&mut scratch, Artifact::Footer, ROOT);
            let widths = columns.widths(qr, top + height);
            let set = self.set(line, PAGE_STAND_IN, PAGE_STAND_IN, &widths, &mut measuring)?;
            height += set.iter().map(|l| l.height).sum::<f32>();
        }
        Ok(height)
    }
}

/// What a page is to the footer, which may print some lines (and its QR code) on the first or
/// the last page only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Kind {
    /// Page 1.
    pub(super) first: bool,
    /// The last page.
    pub(super) last: bool,
}

impl Kind {
    /// Every kind, in the order of [`Kind::index`].
    const ALL: [Kind; 4] = [
        Kind::of(true, false),
        Kind::of(false, false),
        Kind::of(true, true),
        Kind::of(false, true),
    ];

    const fn of(first: bool, last: bool) -> Kind {
        Kind { first, last }
    }

    /// The kind of page `index` (0-based) of `total`.
    pub(super) fn page(index: usize, total: usize) -> Kind {
        Kind::of(index == 0, index + 1 == total)
    }

    fn index(self) -> usize {
        usize::from(!self.first) + 2 * usize::from(self.last)
    }

    /// Whether what is printed on `pages` is on this page.
    fn prints(self, pages: LinePages) -> bool {
        match pages {
            LinePages::All => true,
            LinePages::First => self.first,
            LinePages::Last => self.last,
        }
    }

    /// Whether this page is the one where what is printed on `pages` is read (tagged content):
    /// the first page that prints it. Elsewhere it repeats and is an artifact.
    fn reads(self, pages: LinePages) -> bool {
        match pages {
            LinePages::All | LinePages::First => self.first,
            LinePages::Last => self.last,
        }
    }
}

/// One `<line>` of the footer, set once or, when it names the page, on every page.
enum FooterText<'a> {
    /// Set once: the same on every page.
    Fixed(Vec<LineBox>),
    /// Has `{page}` or `{pages}`: set per page; on page 1 as the content of its `P`, if it has one.
    PerPage(&'a FooterLine, Option<usize>),
}

/// Furniture text: an artifact of `kind`, its links in `group`.
fn owner(tree: &mut Tree, kind: Artifact, group: usize) -> Owner<'_> {
    Owner {
        tree,
        text: Tag::Artifact(kind),
        links: group,
        blank_rule: None,
    }
}

/// Furniture text as page 1 reads it: the content of `node`, its links inside it; without an
/// element (the text has no words) as [`owner`] says.
fn read(tree: &mut Tree, node: Option<usize>, kind: Artifact, group: usize) -> Owner<'_> {
    match node {
        Some(node) => Owner::node(tree, node),
        None => owner(tree, kind, group),
    }
}

/// A new `P` under `parent` for furniture text made of `inlines`, when it has words to read (an
/// element without content would be an empty paragraph in the tree).
fn paragraph(tree: &mut Tree, parent: usize, inlines: &[Inline]) -> Option<usize> {
    has_words(inlines).then(|| tree.add(Role::P, parent))
}

/// Whether `inlines` have any text besides white space.
fn has_words(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(span) => !span.text.trim().is_empty(),
        Inline::Break | Inline::Blank(_) => false,
    })
}

/// How footer text in `color` is set.
fn footer_style(s: &Style, lang: Option<Language>, color: Color, align: Align) -> TextStyle {
    TextStyle {
        size: s.footer_size,
        leading: s.footer_leading,
        bold: false,
        color,
        link_color: color,
        align,
        lang,
    }
}

impl<'a> Furniture<'a> {
    /// Measures the header and footer of `doc`, adding page 1's furniture to `tree`: the header's
    /// `Div` as the first element of the document, the footer's as a group attached after the body.
    pub(super) fn new(
        doc: &'a Document,
        fonts: &'a Fonts,
        style: &'a Style,
        pictures: &Pictures,
        tree: &mut Tree,
    ) -> Result<Furniture<'a>, LayoutError> {
        let s = style;
        // Read first, before the title: the clinic's name, then the phone line.
        let header_words = [&doc.header.left, &doc.header.right];
        let (left_p, right_p) = if header_words.iter().any(|inlines| has_words(inlines)) {
            let div = tree.add(Role::Div, ROOT);
            (
                paragraph(tree, div, &doc.header.left),
                paragraph(tree, div, &doc.header.right),
            )
        } else {
            (None, None)
        };
        let group = tree.detached(Role::Div);
        let logo = match &doc.header.logo {
            Some(src) => {
                let picture = pictures
                    .get(src)
                    .cloned()
                    .ok_or_else(|| LayoutError::MissingPicture(src.clone()))?;
                let h = s.logo_height;
                let w = h * picture.width.max(1) as f32 / picture.height.max(1) as f32;
                Some((picture, w, h))
            }
            None => None,
        };
        let logo_room = logo.as_ref().map_or(0.0, |(_, w, _)| w + s.logo_gap);

        let lang = Some(Language::Off); // furniture never hyphenates: staff match its words
        let (width, height) = doc.paper.size();
        let inner = width - 2.0 * s.margin_x;

        let right_style = TextStyle {
            size: s.header_phone_size,
            leading: s.header_leading,
            bold: false,
            color: s.muted,
            link_color: s.accent,
            align: Align::Right,
            lang,
        };
        let mut scratch = Tree::new();
        // As wide as its one line, when that is more than the share.
        let one_line = widest(&text::set(
            fonts,
            &doc.header.right,
            right_style,
            inner,
            &mut owner(&mut scratch, Artifact::Header, group),
        )?);
        let right_box = if one_line > inner * RIGHT_SHARE {
            (one_line + 1.0).min(inner)
        } else {
            inner * RIGHT_SHARE
        };
        let right_width = widest(&text::set(
            fonts,
            &doc.header.right,
            right_style,
            right_box,
            &mut owner(&mut scratch, Artifact::Header, group),
        )?);
        let left_style = TextStyle {
            size: s.header_name_size,
            leading: s.header_leading,
            bold: true,
            color: s.accent,
            link_color: s.accent,
            align: Align::Left,
            lang,
        };
        // Side by side when the name keeps the lines it has across the whole band; when the phone
        // line would squeeze it (a long name, Spanish large print), the phone line goes under it.
        let full_width = (inner - logo_room).max(1.0);
        let beside = inner - right_width - HEADER_GAP - logo_room;
        let set_left = |width: f32, tree: &mut Tree, node: Option<usize>| {
            let mut owner = read(tree, node, Artifact::Header, group);
            text::set(fonts, &doc.header.left, left_style, width, &mut owner)
        };
        let stacked = beside < inner * MIN_LEFT_SHARE
            || set_left(beside, &mut scratch, None)?.len()
                > set_left(full_width, &mut scratch, None)?.len();
        let left_width = if stacked { full_width } else { beside };
        let left = set_left(left_width, tree, left_p)?;
        let right = text::set(
            fonts,
            &doc.header.right,
            right_style,
            right_box,
            &mut read(tree, right_p, Artifact::Header, group),
        )?;
        // The running head is plain text: no links, so nothing of it goes in the structure tree.
        let later = if doc.header.later.is_empty() {
            Vec::new()
        } else {
            running::fit(
                fonts,
                &doc.header.later,
                left_style,
                s.header_phone_size * running::FLOOR,
                left_width,
                &mut owner(&mut scratch, Artifact::Header, group),
            )?
        };
        let left_height: f32 = left
            .iter()
            .map(|l| l.height)
            .sum::<f32>()
            .max(later.iter().map(|l| l.height).sum());
        let logo_height = logo.as_ref().map_or(0.0, |(_, _, h)| *h);
        let under = if stacked {
            right.first().map_or(0.0, |l| l.height)
        } else {
            0.0
        };
        let header_height = s
            .header_height
            .max(left_height.max(logo_height) + under + s.header_padding);

        let qr = qr::encode(&doc.footer.url).map_err(LayoutError::Qr)?;
        // At least `qr_side`, and wider when the code's modules would be under `qr_module_min`.
        let side = qr.side(s);
        // The footer reads as the page shows it: the left column's lines, then the caption and the
        // web address's link.
        let line_nodes: Vec<Option<usize>> = (doc.footer.lines.iter())
            .map(|line| paragraph(tree, group, &line.inlines))
            .collect();
        let caption = [Inline::plain(&doc.footer.caption)];
        let caption_p = paragraph(tree, group, &caption);
        // The caption and the address, right-aligned beside the code or left-aligned under the
        // lines; the caption has no links, so setting it twice adds nothing to the tree.
        let url_block = |align: Align, widths: &dyn Fn(f32) -> Vec<f32>, tree: &mut Tree| {
            let mut url = text::set_widths(
                fonts,
                &caption,
                footer_style(s, lang, s.muted, align),
                &widths(0.0),
                &mut read(tree, caption_p, Artifact::Footer, group),
            )?;
            let below = url.iter().map(|l| l.height).sum::<f32>();
            url.extend(text::set_widths(
                fonts,
                &[Inline::plain(printed_url(&doc.footer.url))],
                footer_style(s, lang, s.accent, align),
                &widths(below),
                &mut owner(tree, Artifact::Footer, group),
            )?);
            Ok::<_, LayoutError>(url)
        };
        let beside = url_block(Align::Right, &|_| vec![s.footer_url_width], tree)?;
        let url_width = widest(&beside);
        let setter = LineSetter { fonts, style, lang };
        // Both text columns start level with the QR's dark modules, below its quiet zone.
        let offset = text_offset(&qr, s);
        let qr_pages = doc.footer.qr_pages;
        // Beside the code and its address, or wider, the address under the lines: whichever makes
        // the band with the code shorter (beside, when equal).
        let height_of = |lines: &[LineBox]| lines.iter().map(|l| l.height).sum::<f32>();
        let row = height_of(&text::set_plain(
            fonts,
            "X",
            footer_style(s, lang, s.muted, Align::Left),
            inner,
            &mut owner(&mut scratch, Artifact::Footer, group),
        )?);
        let mut columns = Columns {
            stacked: false,
            beside: (inner - side - url_width - s.footer_column_gap).max(inner * 0.3),
            narrow: (inner - side - s.footer_column_gap).max(inner * 0.3),
            full: inner,
            qr_side: side,
            row,
        };
        let with_qr = (Kind::ALL.into_iter())
            .find(|k| k.prints(qr_pages))
            .unwrap_or(Kind::of(true, true));
        let lines_with_qr =
            |columns: &Columns| setter.column(&doc.footer.lines, with_qr, offset, columns, true);
        let beside_band = side
            .max(offset + lines_with_qr(&columns)?)
            .max(offset + height_of(&beside));
        let wrapped = Columns {
            stacked: true,
            ..columns
        };
        let under_top = offset + lines_with_qr(&wrapped)?;
        let under = url_block(
            Align::Left,
            &|top| wrapped.widths(true, under_top + top),
            tree,
        )?;
        let under_band = side.max(under_top + height_of(&under));
        // Only a code printed on one page (large print) moves its address: a footer on every
        // page keeps the one shape the regular edition has always had.
        let stacked_url = qr_pages != LinePages::All && under_band + FIT_SLACK < beside_band;
        let url = if stacked_url {
            columns = wrapped;
            under
        } else {
            beside
        };
        let mut lines = Vec::with_capacity(doc.footer.lines.len());
        // The left column on each kind of page, of the lines printed there.
        let mut heights = Kind::ALL.map(|k| if k.prints(qr_pages) { offset } else { 0.0 });
        for (line, &node) in doc.footer.lines.iter().zip(&line_nodes) {
            let text = if names_page(&line.inlines) {
                // Measured only: it is set again on every page.
                for (k, height) in Kind::ALL.into_iter().zip(heights.iter_mut()) {
                    let qr = k.prints(qr_pages);
                    let one = std::slice::from_ref(line);
                    *height += setter.column(one, k, *height, &columns, qr)?;
                }
                FooterText::PerPage(line, node)
            } else {
                // No placeholder: any numbers give the same lines, set where first printed (on
                // a page with the code, if any prints it: its lines are the narrower).
                let printing = || Kind::ALL.into_iter().filter(|k| k.prints(line.pages));
                let at = (printing().find(|k| k.prints(qr_pages)))
                    .or_else(|| printing().next())
                    .unwrap_or(Kind::of(true, false));
                let qr = at.prints(qr_pages);
                let widths = columns.widths(qr, heights[at.index()]);
                let mut owner = read(tree, node, Artifact::Footer, group);
                let fixed = setter.set(line, 0, 0, &widths, &mut owner)?;
                for (k, height) in Kind::ALL.into_iter().zip(heights.iter_mut()) {
                    if k.prints(line.pages) {
                        *height += height_of(&fixed);
                    }
                }
                FooterText::Fixed(fixed)
            };
            lines.push((line.pages, text));
        }
        let url_height = offset + height_of(&url);
        let footer_heights = Kind::ALL.map(|k| {
            let column = heights[k.index()];
            let content = if !k.prints(qr_pages) {
                column
            } else if stacked_url {
                side.max(column + height_of(&url))
            } else {
                side.max(column).max(url_height)
            };
            s.footer_rule_gap + content
        });
        // The address and its code are one link, read after the lines; the code is its picture.
        let url_link = tree.add(Role::Link, group);
        tree.set_alt(url_link, doc.footer.url.clone());
        let figure = tree.add(Role::Figure, url_link);
        tree.set_alt(figure, doc.footer.qr_alt.clone());

        Ok(Furniture {
            style,
            width,
            height,
            left,
            logo,
            later,
            header_height,
            stacked,
            right,
            right_box,
            lines,
            url,
            stacked_url,
            qr_pages,
            columns,
            url_target: doc.footer.url.clone(),
            qr,
            footer_heights,
            group,
            url_link,
            figure,
            setter,
        })
    }

    /// How much shorter the last page's text box is than it would be were the page not the last:
    /// the room its last-page lines take, kept free at the end of the body.
    pub(super) fn last_page_reserve(&self) -> f32 {
        let h = |first, last| self.footer_heights[Kind::of(first, last).index()];
        (h(true, true) - h(true, false))
            .max(h(false, true) - h(false, false))
            .max(0.0)
    }

    /// The bands and text box of a page of `kind`: page 1, the last page and the others may have
    /// footers of different heights.
    pub(super) fn geometry(&self, kind: Kind) -> Geometry {
        let s = self.style;
        let inner = self.width - 2.0 * s.margin_x;
        let header = Rect {
            x: s.margin_x,
            y: self.height - s.margin_y - self.header_height,
            w: inner,
            h: self.header_height,
        };
        let footer = Rect {
            x: s.margin_x,
            y: s.margin_y,
            w: inner,
            h: self.footer_heights[kind.index()],
        };
        let bottom = footer.top() + s.footer_gap;
        let top = header.y - s.header_gap;
        let body = Rect {
            x: s.margin_x,
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
    pub(super) fn header(&self, index: usize, g: &Geometry) -> Vec<Item> {
        let h = g.header;
        let mut items = Vec::new();
        // The rule sits on the band's bottom edge; the text sits above it.
        let rule = (self.style.accent, 1.0);
        items.push(hline(h.x, h.right(), h.y + 0.5, rule, Artifact::Header));
        let left = if index > 0 && !self.later.is_empty() {
            &self.later
        } else {
            &self.left
        };
        let left_height: f32 = left.iter().map(|l| l.height).sum();
        // Beside a logo taller than the name, the name is centred on the logo.
        let text_top = h.top()
            - self
                .logo
                .as_ref()
                .map_or(0.0, |(_, _, lh)| ((lh - left_height) / 2.0).max(0.0));
        let mut top = text_top;
        let mut x = h.x;
        if let Some((picture, w, lh)) = &self.logo {
            let top = h.top();
            // Decoration beside the name, which says the same in words: an artifact like the band.
            items.push(Item::Image {
                rect: Rect {
                    x,
                    y: top - lh,
                    w: *w,
                    h: *lh,
                },
                picture: picture.clone(),
                tag: Tag::Artifact(Artifact::Header),
            });
            x += w + self.style.logo_gap;
        }
        for line in left {
            stamp(&mut items, line, x, top);
            top -= line.height;
        }
        // The right text shares the first baseline of the left one, flush right; stacked, it is a
        // line of its own under the left text and the logo.
        if let Some(line) = self.right.first() {
            let top = if self.stacked {
                let logo = self.logo.as_ref().map_or(0.0, |(_, _, lh)| *lh);
                top.min(h.top() - logo)
            } else {
                let baseline = left.first().map_or(h.y + 8.0, |l| text_top - l.baseline);
                baseline + line.baseline
            };
            stamp(&mut items, line, h.right() - self.right_width(), top);
        }
        if index > 0 {
            words_once(&mut items, Artifact::Header);
        }
        items
    }

    /// Width the header's right text was set in (its lines are right-aligned within it).
    fn right_width(&self) -> f32 {
        self.right_box
    }

    /// The footer's `Div`, to be read after the body.
    pub(super) fn group(&self) -> usize {
        self.group
    }

    /// Footer items of page `index` (0-based) of `total`; links of lines that name the page are added
    /// to `tree`.
    pub(super) fn footer(
        &self,
        index: usize,
        total: usize,
        g: &Geometry,
        tree: &mut Tree,
    ) -> Result<Vec<Item>, LayoutError> {
        let s = self.style;
        let f = g.footer;
        let mut items = vec![hline(
            f.x,
            f.right(),
            f.top() - s.hairline / 2.0,
            (s.accent_rule, s.hairline),
            Artifact::Footer,
        )];
        let content_top = f.top() - s.footer_rule_gap;
        // The code's corner on whole points, so its modules fall on device pixels (see `qr::snap`).
        let side = self.qr.side(s);
        let qr_top = g.height - qr::snap(g.height - content_top);
        let kind = Kind::page(index, total);
        let has_qr = kind.prints(self.qr_pages);
        let text_top = if has_qr {
            content_top - text_offset(&self.qr, s)
        } else {
            content_top
        };

        // Left column: the template's lines, those naming the page set for this page. Each is
        // read where first printed; elsewhere its words are artifacts.
        let mut top = text_top;
        for (pages, line) in &self.lines {
            if !kind.prints(*pages) {
                continue;
            }
            let reads = kind.reads(*pages);
            let per_page;
            let boxes = match line {
                FooterText::Fixed(boxes) => boxes,
                FooterText::PerPage(line, node) if reads => {
                    let widths = self.columns.widths(has_qr, content_top - top);
                    let mut owner = read(tree, *node, Artifact::Footer, self.group);
                    per_page = self
                        .setter
                        .set(line, index + 1, total, &widths, &mut owner)?;
                    &per_page
                }
                FooterText::PerPage(line, node) => {
                    let widths = self.columns.widths(has_qr, content_top - top);
                    per_page = self.set_again(line, index + 1, total, &widths, *node, tree)?;
                    &per_page
                }
            };
            let start = items.len();
            for line in boxes {
                stamp(&mut items, line, f.x, top);
                top -= line.height;
            }
            if !reads {
                words_once(&mut items[start..], Artifact::Footer);
            }
        }
        if !has_qr {
            return Ok(items);
        }
        let reads = kind.reads(self.qr_pages);
        let start = items.len();
        if self.stacked_url {
            // The caption and the address under the lines, the code alone at the right.
            let url_top = top;
            for line in &self.url {
                stamp(&mut items, line, f.x, top);
                top -= line.height;
            }
            items.push(self.qr_item(reads, qr::snap(f.right() - side), qr_top - side));
            for rect in [
                Rect {
                    x: f.x,
                    y: top,
                    w: widest(&self.url),
                    h: url_top - top,
                },
                Rect {
                    x: qr::snap(f.right() - side),
                    y: qr_top - side,
                    w: side,
                    h: side,
                },
            ] {
                items.push(Item::Link {
                    rect,
                    uri: self.url_target.clone(),
                    tag: Tag::Node(self.url_link),
                });
            }
            if !reads {
                words_once(&mut items[start..], Artifact::Footer);
            }
            return Ok(items);
        }

        // Right: the web address beside its QR code.
        let qr_x = qr::snap(f.right() - side);
        let url_right = qr_x;
        let url_width = widest(&self.url);
        let mut top = text_top;
        for line in &self.url {
            // Lines are right-aligned within the URL column, whose right edge touches the quiet zone.
            stamp(&mut items, line, url_right - s.footer_url_width, top);
            top -= line.height;
        }
        items.push(self.qr_item(reads, qr_x, qr_top - side));
        items.push(Item::Link {
            rect: Rect {
                x: url_right - url_width,
                y: qr_top - side,
                w: url_width + side,
                h: side,
            },
            uri: self.url_target.clone(),
            tag: Tag::Node(self.url_link),
        });
        if !reads {
            words_once(&mut items[start..], Artifact::Footer);
        }
        Ok(items)
    }

    /// The QR code with its lower-left corner at (`x`, `y`), a picture where it `reads`.
    fn qr_item(&self, reads: bool, x: f32, y: f32) -> Item {
        Item::Qr {
            x,
            y,
            module: self.qr.module(self.style),
            modules: self.qr.modules,
            runs: self.qr.runs.clone(),
            // One picture in the tree: the same code on other pages is furniture.
            tag: if reads {
                Tag::Node(self.figure)
            } else {
                Tag::Artifact(Artifact::Footer)
            },
        }
    }

    /// `line`, whose `P` is `node`, as set `widths` wide on page `page` (after the first) of
    /// `pages`: its links' annotations go to the `Link` elements page 1 made for them, in order,
    /// so each link is one element, read once.
    fn set_again(
        &self,
        line: &FooterLine,
        page: usize,
        pages: usize,
        widths: &[f32],
        node: Option<usize>,
        tree: &mut Tree,
    ) -> Result<Vec<LineBox>, LayoutError> {
        let mut scratch = Tree::new();
        let mut measuring = owner(&mut scratch, Artifact::Footer, ROOT);
        let mut boxes = self.setter.set(line, page, pages, widths, &mut measuring)?;
        let first = node.map_or(Vec::new(), |p| tree.children_of_role(p, Role::Link));
        // This page's `Link` elements (in the scratch tree), in order.
        let mut here: Vec<usize> = Vec::new();
        for item in boxes.iter().flat_map(|b| &b.items) {
            if let Item::Link {
                tag: Tag::Node(n), ..
            } = item
            {
                if !here.contains(n) {
                    here.push(*n);
                }
            }
        }
        if here.len() != first.len() {
            // Not the links page 1 has (the same `<a>`s give the same links): elements of their own.
            let mut furniture = owner(tree, Artifact::Footer, self.group);
            return self.setter.set(line, page, pages, widths, &mut furniture);
        }
        for item in boxes.iter_mut().flat_map(|b| b.items.iter_mut()) {
            if let Item::Link { tag, .. } = item {
                let at = tag.node().and_then(|n| here.iter().position(|&h| h == n));
                if let Some(&link) = at.and_then(|at| first.get(at)) {
                    *tag = Tag::Node(link);
                }
            }
        }
        Ok(boxes)
    }
}

/// Ends the body's `chunks` with `reserve` points of empty room, kept on the page of the last
/// chunk: the last page's text box is that much shorter than another page's.
pub(super) fn reserve_last_page(chunks: &mut Vec<Chunk>, reserve: f32) {
    if reserve <= 0.0 {
        return;
    }
    if let Some(last) = chunks.last_mut() {
        last.keep_with_next = true;
    }
    chunks.push(Chunk {
        height: reserve,
        ..Chunk::default()
    });
}

/// Makes the furniture's words in `items` artifacts of `kind`, where they repeat what a reader
/// heard on the page that reads them, while each page's link annotations stay in the links'
/// elements.
fn words_once(items: &mut [Item], kind: Artifact) {
    for item in items {
        if let Item::Text { tag, .. } = item {
            *tag = Tag::Artifact(kind);
        }
    }
}

/// Whether `inlines` contain `{page}` or `{pages}`.
fn names_page(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(span) => span.text.contains(PAGE) || span.text.contains(PAGES),
        Inline::Break | Inline::Blank(_) => false,
    })
}

/// `inlines` with `{page}` and `{pages}` replaced by `page` and `pages`.
fn numbered(inlines: &[Inline], page: usize, pages: usize) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) => Inline::Text(Span {
                text: span
                    .text
                    .replace(PAGES, &pages.to_string())
                    .replace(PAGE, &page.to_string()),
                ..span.clone()
            }),
            other => other.clone(),
        })
        .collect()
}

/// The web address as printed: without `https://` (a phone or browser adds it back), which is
/// only noise to someone typing the address in.
fn printed_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
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

/// How far below the footer's content top the text starts: level with the QR's dark modules (the
/// quiet zone is blank), nudged up so cap height rather than the line box lines up with them.
fn text_offset(qr: &QrSymbol, s: &Style) -> f32 {
    (f32::from(QUIET_ZONE) * qr.module(s) - 1.5).max(0.0)
}
