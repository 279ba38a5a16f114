//! The host door's answer as bytes. The door (shape walk, serde, the rules)
//! is its own WASM module, loaded the first time a page hands the leaflet a
//! monograph; it writes the monograph it validated, or the problems, in this
//! form, and the leaflet's module reads it back with a few generic functions
//! instead of serde's visitors. Both sides are this code, built from one
//! source, so the format needs no version: lengths are LEB128, text is UTF-8,
//! an enum is its index or its variant's name, fields come in the order
//! `model_types!` lists them.

use implicit_clone::unsync::{IArray, IString};
use implicit_clone::ImplicitClone;

use crate::model::{
    Additions, Block, Definition, Item, Meta, Monograph, Review, Revision, Rights, Section, Source,
    SourceKind, SourceRef,
};
use crate::problem::Problem;

/// What the door answers: the monograph, or why it cannot be shown.
pub type Parsed = Result<Monograph, Vec<Problem>>;

/// The door's answer as bytes.
pub fn encode(parsed: &Parsed) -> Vec<u8> {
    let mut out = Vec::new();
    parsed.encode(&mut out);
    out
}

/// The door's answer from `bytes`; `None` if they are not one answer, whole.
pub fn decode(bytes: &[u8]) -> Option<Parsed> {
    let mut input = Reader {
        rest: bytes,
        ok: true,
    };
    let parsed = Parsed::decode(&mut input);
    (input.ok && input.rest.is_empty()).then_some(parsed)
}

/// The bytes not read yet, and whether every read so far succeeded: after a
/// failure every read returns an empty value and reads nothing.
pub struct Reader<'a> {
    rest: &'a [u8],
    ok: bool,
}

impl Reader<'_> {
    #[inline(never)]
    fn fail(&mut self) {
        self.ok = false;
        self.rest = &[];
    }
}

pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

pub trait Decode: Sized {
    fn decode(input: &mut Reader) -> Self;
}

fn encode_len(mut len: usize, out: &mut Vec<u8>) {
    while len >= 0x80 {
        out.push(len as u8 | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
}

#[inline(never)]
fn decode_byte(input: &mut Reader) -> u8 {
    match input.rest.split_first() {
        Some((&byte, rest)) => {
            input.rest = rest;
            byte
        }
        None => {
            input.fail();
            0
        }
    }
}

#[inline(never)]
fn decode_len(input: &mut Reader) -> usize {
    let mut len = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let byte = decode_byte(input);
        match usize::from(byte & 0x7f).checked_shl(shift) {
            Some(part) => len |= part,
            None => break,
        }
        if byte < 0x80 {
            // Each element or byte takes at least a byte: no allocation beyond the input.
            if len <= input.rest.len() {
                return len;
            }
            break;
        }
    }
    input.fail();
    0
}

impl Encode for str {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
}

#[inline(never)]
fn decode_str<'a>(input: &mut Reader<'a>) -> &'a str {
    let len = decode_len(input);
    let (text, rest) = input.rest.split_at(len);
    input.rest = rest;
    match core::str::from_utf8(text) {
        Ok(text) => text,
        Err(_) => {
            input.fail();
            ""
        }
    }
}

impl Decode for String {
    fn decode(input: &mut Reader) -> String {
        decode_str(input).to_owned()
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_str().encode(out);
    }
}

impl Encode for IString {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_str().encode(out);
    }
}

impl Decode for IString {
    #[inline(never)]
    fn decode(input: &mut Reader) -> IString {
        IString::from(decode_str(input))
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

/// A tag byte below `n`; 0 (and failed) otherwise.
#[inline(never)]
fn decode_tag(input: &mut Reader, n: u8) -> u8 {
    let byte = decode_byte(input);
    if byte < n {
        return byte;
    }
    input.fail();
    0
}

impl Decode for bool {
    fn decode(input: &mut Reader) -> bool {
        decode_tag(input, 2) == 1
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(input: &mut Reader) -> Option<T> {
        match decode_tag(input, 2) {
            1 => Some(T::decode(input)),
            _ => None,
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_len(self.len(), out);
        for item in self {
            item.encode(out);
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(input: &mut Reader) -> Vec<T> {
        let len = decode_len(input);
        let mut items = Vec::new();
        for _ in 0..len {
            items.push(T::decode(input));
        }
        items
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_slice().encode(out);
    }
}

impl<T: Encode + ImplicitClone + 'static> Encode for IArray<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_slice().encode(out);
    }
}

impl<T: Decode + ImplicitClone + 'static> Decode for IArray<T> {
    fn decode(input: &mut Reader) -> IArray<T> {
        let items = Vec::decode(input);
        match items.is_empty() {
            true => IArray::EMPTY,
            false => IArray::from(items),
        }
    }
}

impl<T: Encode, E: Encode> Encode for Result<T, E> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Ok(value) => {
                out.push(0);
                value.encode(out);
            }
            Err(error) => {
                out.push(1);
                error.encode(out);
            }
        }
    }
}

impl<T: Decode, E: Decode> Decode for Result<T, E> {
    fn decode(input: &mut Reader) -> Result<T, E> {
        match decode_tag(input, 2) {
            0 => Ok(T::decode(input)),
            _ => Err(E::decode(input)),
        }
    }
}

macro_rules! by_index {
    ($($kind:ident),*) => {$(
        impl Encode for $kind {
            fn encode(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
        }

        impl Decode for $kind {
            fn decode(input: &mut Reader) -> $kind {
                $kind::ALL[usize::from(decode_tag(input, $kind::ALL.len() as u8))]
            }
        }
    )*};
}

by_index!(Rights, SourceKind);

macro_rules! first_variant {
    ($input:ident, $name:ident, $variant:ident { $($field:ident),* } $($rest:tt)*) => {
        $name::$variant { $($field: Decode::decode($input)),* }
    };
}

macro_rules! by_fields {
    () => {};
    (struct $name:ident { $($field:ident),* $(,)? } $($rest:tt)*) => {
        impl Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($field.encode(out);)*
            }
        }

        impl Decode for $name {
            fn decode(input: &mut Reader) -> $name {
                $name { $($field: Decode::decode(input)),* }
            }
        }
        by_fields!($($rest)*);
    };
    (enum $name:ident { $($variant:ident { $($field:ident),* $(,)? }),* $(,)? } $($rest:tt)*) => {
        impl Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                match self {
                    $($name::$variant { $($field),* } => {
                        stringify!($variant).encode(out);
                        $($field.encode(out);)*
                    })*
                }
            }
        }

        impl Decode for $name {
            fn decode(input: &mut Reader) -> $name {
                let variant = decode_str(input);
                $(if variant == stringify!($variant) {
                    return $name::$variant { $($field: Decode::decode(input)),* };
                })*
                input.fail();
                first_variant!(input, $name, $($variant { $($field),* })*)
            }
        }
        by_fields!($($rest)*);
    };
}

crate::model_types!(by_fields);
by_fields! {
    struct Problem { path, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nusinersen() -> Monograph {
        toml::from_str(include_str!("../../monographs/nusinersen.toml")).expect("the bundled monograph")
    }

    fn reader(bytes: &[u8]) -> Reader<'_> {
        Reader {
            rest: bytes,
            ok: true,
        }
    }

    #[test]
    fn a_monograph_and_problems_come_back_as_they_went() {
        let monograph = nusinersen();
        assert_eq!(decode(&encode(&Ok(monograph.clone()))), Some(Ok(monograph)));
        let problems = vec![Problem {
            path: "sections[0].heading".into(),
            message: "must not be empty — «é» \u{1F600}".into(),
        }];
        assert_eq!(decode(&encode(&Err(problems.clone()))), Some(Err(problems)));
    }

    #[test]
    fn lengths_of_every_size_round_trip_when_the_bytes_are_there() {
        for len in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21] {
            let mut out = Vec::new();
            encode_len(len, &mut out);
            let header = out.len();
            out.resize(header + len, 0);
            let mut input = reader(&out);
            assert_eq!(decode_len(&mut input), len, "{len}");
            assert!(input.ok && input.rest.len() == len);
        }
        // A length beyond the bytes left fails: nothing is allocated for it.
        let mut out = Vec::new();
        encode_len(usize::MAX, &mut out);
        let mut input = reader(&out);
        assert_eq!(decode_len(&mut input), 0);
        assert!(!input.ok);
    }

    #[test]
    fn cut_or_padded_bytes_are_refused_not_misread() {
        let bytes = encode(&Ok(nusinersen()));
        for end in 0..bytes.len() {
            assert_eq!(decode(&bytes[..end]), None, "cut at {end}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(decode(&padded), None);
        // A list claiming more elements than there are bytes allocates nothing.
        assert_eq!(decode(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]), None);
        // An unknown answer, enum index or variant.
        let mut unknown_answer = Vec::new();
        Err::<Monograph, _>(vec![Problem {
            path: "p".into(),
            message: "m".into(),
        }])
        .encode(&mut unknown_answer);
        unknown_answer[0] = 7;
        assert_eq!(decode(&unknown_answer), None);
        let mut input = reader(&[8]);
        SourceKind::decode(&mut input);
        assert!(!input.ok);
        let mut input = reader(b"\x04Poem");
        Block::decode(&mut input);
        assert!(!input.ok);
    }
}
