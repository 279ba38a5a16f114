//! Content that never changes while a leaflet is shown (header, summary,
//! sections, sources), written by one writer into either of two outputs: DOM
//! nodes in the browser, HTML text for the prerendered fallback. yew's own
//! nodes for the same content cost about 200 bytes of WASM memory an element
//! for as long as the leaflet is shown; DOM nodes made directly cost the WASM
//! nothing, and yew keeps one reference to each component's wrapper.
//!
//! Every text and attribute value goes in as data: `createTextNode` and
//! `setAttribute` in the browser (no HTML parsing, so nothing for Trusted
//! Types to refuse), escaped text in the fallback.

/// Where content is written: elements open and close in order, text is plain.
pub trait Markup {
    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]);
    fn end(&mut self, tag: &'static str);
    fn text(&mut self, text: &str);

    /// `start`, handing back the element made when the output is the DOM: the
    /// handle a control keeps instead of finding the node again by a selector.
    fn start_marked(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
    ) -> Option<web_sys::Element> {
        self.start(tag, attributes);
        None
    }
}

impl dyn Markup + '_ {
    /// `tag` with `attributes`, holding what `content` writes.
    pub fn element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
        content: impl FnOnce(&mut dyn Markup),
    ) {
        self.start(tag, attributes);
        content(self);
        self.end(tag);
    }

    /// `element`, handing back the element made in the DOM (`None` in HTML text).
    pub fn marked_element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
        content: impl FnOnce(&mut dyn Markup),
    ) -> Option<web_sys::Element> {
        let element = self.start_marked(tag, attributes);
        content(self);
        self.end(tag);
        element
    }
}

/// One element holding what `write` writes, for `html!`: made as DOM nodes
/// in the browser, as HTML text in the server renderer.
pub fn static_html(
    tag: &'static str,
    attributes: &[(&'static str, &str)],
    write: impl FnOnce(&mut dyn Markup),
) -> yew::Html {
    static_html_then(tag, attributes, write, |_, ()| {})
}

/// `static_html`, handing the element and what `write` returned (the nodes
/// it marked) to `built` in the browser before yew puts the element on the
/// page (a listener added there hears the first click).
pub fn static_html_then<Marked>(
    tag: &'static str,
    attributes: &[(&'static str, &str)],
    write: impl FnOnce(&mut dyn Markup) -> Marked,
    built: impl FnOnce(&web_sys::Element, Marked),
) -> yew::Html {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(mut dom) = DomBuilder::new(tag, attributes) else {
            return yew::Html::default();
        };
        let marked = write(&mut dom);
        built(&dom.root, marked);
        yew::Html::VRef(dom.root.into())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = built;
        let mut html = String::new();
        let out = &mut html as &mut dyn Markup;
        out.start(tag, attributes);
        write(out);
        out.end(tag);
        yew::Html::from_html_unchecked(html.into())
    }
}

/// HTML text, as yew's server renderer would write the same content.
impl Markup for String {
    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.push('<');
        self.push_str(tag);
        for (name, value) in attributes {
            self.push(' ');
            self.push_str(name);
            self.push_str("=\"");
            escape_into(self, value, &['&', '"', '<', '>']);
            self.push('"');
        }
        self.push('>');
    }

    fn end(&mut self, tag: &'static str) {
        self.push_str("</");
        self.push_str(tag);
        self.push('>');
    }

    fn text(&mut self, text: &str) {
        escape_into(self, text, &['&', '<', '>']);
    }
}

fn escape_into(out: &mut String, text: &str, special: &[char]) {
    let mut rest = text;
    while let Some(at) = rest.find(special) {
        out.push_str(&rest[..at]);
        // Every special character is one ASCII byte.
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'<' => "&lt;",
            _ => "&gt;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// DOM nodes under one root element, made in the browser.
#[cfg(target_arch = "wasm32")]
struct DomBuilder {
    document: web_sys::Document,
    root: web_sys::Element,
    /// Elements started and not yet ended, below the root.
    open: Vec<web_sys::Element>,
}

#[cfg(target_arch = "wasm32")]
impl DomBuilder {
    /// The root element content is written into; `None` outside a document.
    fn new(tag: &'static str, attributes: &[(&'static str, &str)]) -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let root = new_element(&document, tag, attributes)?;
        Some(DomBuilder {
            document,
            root,
            open: Vec::new(),
        })
    }

    fn parent(&self) -> &web_sys::Element {
        self.open.last().unwrap_or(&self.root)
    }

    /// Were an element not made, its content goes to the parent, and the
    /// parent is pushed in its place so that `end` still matches.
    fn open_element(&mut self, element: Option<web_sys::Element>) {
        let element = match element {
            Some(element) => {
                let _ = self.parent().append_child(&element);
                element
            }
            None => self.parent().clone(),
        };
        self.open.push(element);
    }
}

/// Tags and attribute names are the writer's own constants, valid names:
/// neither call fails on them.
#[cfg(target_arch = "wasm32")]
fn new_element(
    document: &web_sys::Document,
    tag: &'static str,
    attributes: &[(&'static str, &str)],
) -> Option<web_sys::Element> {
    const SVG: Option<&str> = Some("http://www.w3.org/2000/svg");
    let element = match tag {
        "svg" | "path" => document.create_element_ns(SVG, tag),
        _ => document.create_element(tag),
    }
    .ok()?;
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    Some(element)
}

#[cfg(target_arch = "wasm32")]
impl Markup for DomBuilder {
    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        let element = new_element(&self.document, tag, attributes);
        self.open_element(element);
    }

    fn start_marked(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
    ) -> Option<web_sys::Element> {
        let element = new_element(&self.document, tag, attributes);
        self.open_element(element.clone());
        element
    }

    fn end(&mut self, _tag: &'static str) {
        self.open.pop();
    }

    fn text(&mut self, text: &str) {
        let _ = self.parent().append_child(&self.document.create_text_node(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_escapes_text_and_attribute_values() {
        let mut html = String::new();
        (&mut html as &mut dyn Markup).element("a", &[("href", "#a\"b&c<d>")], |html| {
            html.text("<script>alert(\"x\") & 'y'</script>");
        });
        assert_eq!(
            html,
            "<a href=\"#a&quot;b&amp;c&lt;d&gt;\">&lt;script&gt;alert(\"x\") &amp; 'y'&lt;/script&gt;</a>"
        );
    }

    #[test]
    fn html_text_keeps_other_characters() {
        let mut html = String::new();
        html.text("Spinraza® 12 mg/5 mL — “café” ≥ 2");
        assert_eq!(html, "Spinraza® 12 mg/5 mL — “café” ≥ 2");
    }
}
