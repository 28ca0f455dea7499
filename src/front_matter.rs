//! Splits a content file into its YAML front matter and its Markdown body.

/// A content file cut at its `---` lines, with byte offsets back into the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the file, to turn YAML locations into file locations.
    pub yaml_offset: usize,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Why a file could not be split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `---`.
    NoOpening,
    /// There is no closing `---` line; the offset is the opening line's.
    NotClosed,
}

/// Splits `text` (the whole file, a leading BOM allowed) at its front matter fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = LineIter { text, pos: start };
    let first = lines.next().ok_or(SplitError::NoOpening)?;
    if first.content.trim_end() != "---" {
        return Err(SplitError::NoOpening);
    }
    let yaml_offset = first.end;
    for line in lines {
        let fence = line.content.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Split {
                yaml: &text[yaml_offset..line.start],
                yaml_offset,
                body: &text[line.end..],
                body_offset: line.end,
            });
        }
    }
    Err(SplitError::NotClosed)
}

struct Line<'a> {
    start: usize,
    end: usize,
    content: &'a str,
}

struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (content, len) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let line = Line {
            start: self.pos,
            end: self.pos + len,
            content: content.trim_end_matches('\r'),
        };
        self.pos += len;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_offsets() {
        let text = "---\ntitle: A\n---\n## Do\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(&text[s.yaml_offset..s.yaml_offset + 5], "title");
        assert_eq!(s.body, "## Do\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn accepts_crlf_and_a_byte_order_mark() {
        let s = split("\u{feff}---\r\ntitle: A\r\n---\r\nbody").unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split("title: A\n"), Err(SplitError::NoOpening));
        assert_eq!(split(""), Err(SplitError::NoOpening));
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::NotClosed));
    }
}
