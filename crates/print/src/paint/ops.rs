//! A page's frame items → printpdf operators, one for one: layout has already decided every
//! position, so this only translates, and skips colour and width changes that change nothing.
//! Text objects are built in `text`; each item's tag opens or continues a marked-content sequence
//! (`marks`).

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, ColorArray, CurTransMat, FontId, LineCapStyle, LineJoinStyle, LinePoint,
    LinkAnnotation, Op, PaintMode, PdfPage, Point, Polygon, PolygonRing, Pt, Rgb, WindingOrder,
    XObjectId, XObjectTransform,
};

use super::super::font::{Face, Fonts};
use super::super::frame::{Color, Item, Page, QrRun, Rect, Stroke};
use super::blank;
use super::marks::PageMarks;
use super::text::{continues, glued, text_ops};

/// Bézier handle length for a quarter circle, as a share of the radius.
const KAPPA: f32 = 0.552_284_8;

pub(super) fn pt(v: f32) -> Pt {
    Pt(v)
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: false,
    }
}

fn rgb(c: Color) -> printpdf::Color {
    printpdf::Color::Rgb(Rgb::new(
        f32::from(c.r) / 255.0,
        f32::from(c.g) / 255.0,
        f32::from(c.b) / 255.0,
        None,
    ))
}

fn pdf_rect(r: &Rect, mode: Option<PaintMode>) -> printpdf::Rect {
    printpdf::Rect {
        x: pt(r.x),
        y: pt(r.y),
        width: pt(r.w),
        height: pt(r.h),
        mode,
        winding_order: Some(WindingOrder::NonZero),
    }
}

/// Runs of dark QR modules merged downwards: a run with the same columns in the rows right below it
/// becomes one rectangle `rows` modules tall.
fn stack_runs(runs: &[QrRun]) -> Vec<(QrRun, u16)> {
    let mut out: Vec<(QrRun, u16)> = Vec::new();
    for run in runs {
        let below = out
            .iter_mut()
            .rev()
            .find(|(r, rows)| r.col == run.col && r.len == run.len && r.row + *rows == run.row);
        match below {
            Some((_, rows)) => *rows += 1,
            None => out.push((*run, 1)),
        }
    }
    out
}

/// A page's operators, and the colour and width they last set, so that unchanged state is not
/// repeated (it would only lengthen the content stream that has to be compressed).
#[derive(Default)]
pub(super) struct Pen {
    pub(super) ops: Vec<Op>,
    fill: Option<Color>,
    stroke: Option<Stroke>,
}

impl Pen {
    pub(super) fn fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.ops.push(Op::SetFillColor { col: rgb(color) });
            self.fill = Some(color);
        }
    }

    fn stroke(&mut self, stroke: Stroke) {
        let last = self.stroke;
        if last.map(|s| s.color) != Some(stroke.color) {
            self.ops.push(Op::SetOutlineColor {
                col: rgb(stroke.color),
            });
        }
        if last.map(|s| s.width) != Some(stroke.width) {
            self.ops.push(Op::SetOutlineThickness {
                pt: pt(stroke.width),
            });
        }
        self.stroke = Some(stroke);
    }
}

/// One page: its frame items as operators, in order and marked up as their tags say, on a media box
/// of the page's size.
pub(super) fn pdf_page(
    page: &Page,
    fonts: &Fonts,
    faces: &BTreeMap<Face, FontId>,
    marks: &mut PageMarks<'_>,
) -> PdfPage {
    let mut pen = Pen::default();
    pen.ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::Round,
    });
    pen.ops.push(Op::SetLineJoinStyle {
        join: LineJoinStyle::Round,
    });
    let mut items = page.items.iter().peekable();
    while let Some(item) = items.next() {
        // An annotation is not page content: it neither opens nor ends a sequence.
        if !matches!(item, Item::Link { .. } | Item::Field { .. }) {
            marks.enter(item.tag(), &mut pen.ops);
        }
        match item {
            Item::Text { .. } => {
                // Words of one line in one style go into one text object, with real spaces between
                // them so that copying and text extraction get words, not letters.
                let mut run = vec![item];
                while let Some(next) = items.peek() {
                    if continues(run.last().copied(), next) {
                        run.push(next);
                        items.next();
                    } else {
                        break;
                    }
                }
                // Readers take the words from the characters alone: content that a gap rather
                // than a glyph separates from the next words ends with a real space.
                let next = items.clone().find(|i| matches!(i, Item::Text { .. }));
                let spaced = item.tag().node().is_some() && !glued(run.last().copied(), next);
                text_ops(&mut pen, &run, fonts, faces, spaced);
            }
            Item::Rect {
                rect,
                fill,
                stroke,
                radius,
                ..
            } => rect_ops(&mut pen, rect, *fill, *stroke, *radius),
            Item::Line {
                points,
                color,
                width,
                ..
            } => {
                pen.stroke(Stroke {
                    color: *color,
                    width: *width,
                });
                pen.ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: points.iter().map(|&(x, y)| point(x, y)).collect(),
                        is_closed: false,
                    },
                });
            }
            Item::Link { rect, uri, tag } => {
                marks.annotation(*tag);
                pen.ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        pdf_rect(rect, None),
                        Actions::Uri(uri.clone()),
                        // printpdf's default border is a visible cyan box in some viewers.
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                });
            }
            // A form field is a widget annotation that `fields` adds once printpdf has made the page;
            // an inline blank's also stands for its underscores in the text.
            Item::Field {
                rect,
                tag,
                underscores,
                ..
            } => {
                if let Some(underscores) = underscores {
                    blank::paint(&mut pen, marks, rect, underscores, fonts, faces);
                }
                marks.widget(*tag);
            }
            Item::Image { rect, picture, .. } => {
                if let Some(prepared) = picture.prepared() {
                    pen.ops.push(Op::UseXobject {
                        id: XObjectId(prepared.name.clone()),
                        transform: XObjectTransform {
                            translate_x: Some(pt(rect.x)),
                            translate_y: Some(pt(rect.y)),
                            scale_x: Some(rect.w),
                            scale_y: Some(rect.h),
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            Item::Qr {
                x,
                y,
                module,
                modules,
                runs,
                ..
            } => {
                pen.fill(Color::hex(0x000000));
                // One module = one unit, row 0 at the top: the runs become small integers, which
                // keeps the ~200 rectangles of a symbol short in the content stream.
                let top = y + module * f32::from(*modules);
                pen.ops.push(Op::SaveGraphicsState);
                pen.ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([*module, 0.0, 0.0, -*module, *x, top]),
                });
                for (run, rows) in stack_runs(runs) {
                    let cell = Rect {
                        x: f32::from(run.col),
                        y: f32::from(run.row),
                        w: f32::from(run.len),
                        h: f32::from(rows),
                    };
                    pen.ops.push(Op::DrawRectangle {
                        rectangle: pdf_rect(&cell, Some(PaintMode::Fill)),
                    });
                }
                pen.ops.push(Op::RestoreGraphicsState);
            }
        }
    }
    marks.close(&mut pen.ops);
    // The whole sheet: media, trim and crop boxes are the same for a printed handout.
    let sheet = pdf_rect(
        &Rect {
            x: 0.0,
            y: 0.0,
            w: page.width,
            h: page.height,
        },
        None,
    );
    PdfPage {
        media_box: sheet.clone(),
        trim_box: sheet.clone(),
        crop_box: sheet,
        ops: pen.ops,
    }
}

/// A filled and/or stroked rectangle; corners are rounded when `radius` is positive.
fn rect_ops(pen: &mut Pen, rect: &Rect, fill: Option<Color>, stroke: Option<Stroke>, radius: f32) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    if let Some(fill) = fill {
        pen.fill(fill);
    }
    if let Some(stroke) = stroke {
        pen.stroke(stroke);
    }
    let r = radius.min(rect.w / 2.0).min(rect.h / 2.0).max(0.0);
    if r <= 0.0 {
        pen.ops.push(Op::DrawRectangle {
            rectangle: pdf_rect(rect, Some(mode)),
        });
        return;
    }
    pen.ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing {
                points: rounded_rect(rect, r),
            }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
}

/// The outline of a rectangle with corners of radius `r`, as lines and cubic Béziers.
fn rounded_rect(rect: &Rect, r: f32) -> Vec<LinePoint> {
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.right(), rect.top());
    let k = KAPPA * r;
    let ctrl = |x: f32, y: f32| LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: true,
    };
    vec![
        point(x0 + r, y0),
        point(x1 - r, y0),
        ctrl(x1 - r + k, y0),
        ctrl(x1, y0 + r - k),
        point(x1, y0 + r),
        point(x1, y1 - r),
        ctrl(x1, y1 - r + k),
        ctrl(x1 - r + k, y1),
        point(x1 - r, y1),
        point(x0 + r, y1),
        ctrl(x0 + r - k, y1),
        ctrl(x0, y1 - r + k),
        point(x0, y1 - r),
        point(x0, y0 + r),
        ctrl(x0, y0 + r - k),
        ctrl(x0 + r - k, y0),
        point(x0 + r, y0),
    ]
}
